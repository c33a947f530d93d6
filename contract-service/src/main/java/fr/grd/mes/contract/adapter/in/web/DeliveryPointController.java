package fr.grd.mes.contract.adapter.in.web;

import fr.grd.mes.contract.application.DeliveryPointReferential;
import fr.grd.mes.contract.domain.Address;
import fr.grd.mes.contract.domain.DeliveryPoint;
import fr.grd.mes.contract.domain.PerimeterEntry;
import fr.grd.mes.events.Pdl;
import fr.grd.mes.events.SupplyState;
import fr.grd.mes.support.outcome.NotFound;
import fr.grd.mes.support.outcome.Invalid;
import fr.grd.mes.support.outcome.Violation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The delivery-point referential over HTTP: operators load PdLs; suppliers read their perimeter entries. */
@RestController
@RequestMapping("/api/v1")
public class DeliveryPointController {
    private final DeliveryPointReferential referential;
    private final Validator validator;

    public DeliveryPointController(DeliveryPointReferential referential, Validator validator) {
        this.referential = referential;
        this.validator = validator;
    }

    public record DeliveryPointBody(
            @NotBlank String street,
            @NotBlank @Pattern(regexp = "\\d{5}", message = "must be 5 digits") String postalCode,
            @NotBlank String city,
            @NotBlank @Pattern(regexp = "(\\d{2}|2A|2B)\\d{3}", message = "must be an INSEE commune code") String inseeCode,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,40}", message = "must be 1-40 letters, digits, _ or -") String zone,
            @NotNull SupplyState supplyState,
            @NotBlank String meterType,
            @Pattern(regexp = "[A-Za-z0-9_-]{1,40}", message = "must be 1-40 letters, digits, _ or -") String currentSupplierId) {
    }

    public record DeliveryPointView(String pdl, Address address, String zone, SupplyState supplyState,
                                    String meterType, String currentSupplierId, long revision, Instant changedAt) {
        static DeliveryPointView of(DeliveryPoint point) {
            return new DeliveryPointView(point.getId(), point.getAddress(), point.getZone(), point.getSupplyState(),
                    point.getMeterType(), point.getCurrentSupplierId(), point.getRevision(), point.getChangedAt());
        }
    }

    public record PerimeterView(String pdl, String supplierId, LocalDate from, long meterIndex, String caseId,
                                SupplyState supplyState, boolean current) {
    }

    @PutMapping("/delivery-points/{pdl}")
    public DeliveryPointView load(@PathVariable String pdl, @RequestBody DeliveryPointBody body) {
        List<Violation> violations = new ArrayList<>();
        if (!Pdl.isValid(pdl)) {
            violations.add(new Violation("pdl", "must be exactly 14 digits"));
        }
        violations.addAll(fr.grd.mes.support.web.Violations.of(validator.validate(body)));
        if (!violations.isEmpty()) {
            throw new Invalid(violations);
        }
        DeliveryPoint point = referential.load(pdl, new DeliveryPointReferential.LoadCommand(
                new Address(body.street(), body.postalCode(), body.city(), body.inseeCode()), body.zone(),
                body.supplyState(), body.meterType(), body.currentSupplierId()));
        return DeliveryPointView.of(point);
    }

    @GetMapping("/delivery-points/{pdl}")
    public DeliveryPointView get(@PathVariable String pdl) {
        return DeliveryPointView.of(referential.get(pdl));
    }

    @GetMapping("/suppliers/{supplierId}/perimeter/{pdl}")
    public PerimeterView perimeter(@PathVariable String supplierId, @PathVariable String pdl) {
        fr.grd.mes.support.security.Caller.current().requireVisible(supplierId, "perimeter of " + supplierId);
        DeliveryPoint point = referential.find(pdl).orElseThrow(() ->
                new NotFound("PdL " + pdl + " never entered the perimeter of " + supplierId));
        PerimeterEntry entry = point.perimeterEntryOf(supplierId)
                .orElseThrow(() -> new NotFound("PdL " + pdl + " never entered the perimeter of " + supplierId));
        return new PerimeterView(pdl, supplierId, entry.from(), entry.meterIndex(), entry.caseId(),
                point.getSupplyState(), supplierId.equals(point.getCurrentSupplierId()));
    }
}
