package fr.grd.mes.billing.adapter.in.web;

import fr.grd.mes.billing.application.Billing;
import fr.grd.mes.billing.application.Catalogue;
import fr.grd.mes.billing.domain.CatalogueVersion;
import fr.grd.mes.billing.domain.Prestation;
import fr.grd.mes.events.BillingRecord;
import fr.grd.mes.support.outcome.Invalid;
import fr.grd.mes.support.outcome.Violation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Suppliers' billing lines and the dated price catalogue. */
@RestController
@RequestMapping("/api/v1")
public class BillingController {
    private final Billing billing;
    private final Catalogue catalogue;

    public BillingController(Billing billing, Catalogue catalogue) {
        this.billing = billing;
        this.catalogue = catalogue;
    }

    /** Bounds of a catalogue entry: a prestation costs at most 100 000 € HT; labels fit the F15's Libelle_EV. */
    static final BigDecimal MAX_UNIT_PRICE = new BigDecimal("100000.00");
    static final int MAX_LABEL = 100;

    /**
     * A new catalogue version; {@code chartCodes} says which of its codes plays each role of the decision chart
     * (ACCESS_FORFAIT, EXPRESS_SUPPLEMENT, WASTED_TRIP); when absent, those of the version it follows are kept.
     */
    public record CatalogueVersionBody(LocalDate effectiveFrom, List<Prestation> prestations,
                                       java.util.Map<fr.grd.mes.billing.domain.ChartRole, String> chartCodes) {
    }

    @GetMapping("/suppliers/{supplierId}/billing-lines")
    public List<BillingRecord> lines(@PathVariable String supplierId, @RequestParam(required = false) String caseId,
                                     @RequestParam(defaultValue = "0") int offset,
                                     @RequestParam(defaultValue = "500") int limit) {
        fr.grd.mes.support.security.Caller.current().requireVisible(supplierId, "billing lines of " + supplierId);
        if (limit < 1 || limit > 1000 || offset < 0) {
            throw new Invalid(List.of(new Violation("limit", "pages hold 1 to 1000 lines, from offset >= 0")));
        }
        return billing.billsOf(supplierId, caseId).stream().flatMap(bill -> bill.records().stream()).skip(offset)
                .limit(limit).toList();
    }

    /** A bill holding codes nothing could price, for the operator; {@code supplements}: where held codes were priced. */
    public record HeldBillView(String interventionId, String caseId, String supplierId, String pdl, String outcome,
                               LocalDate interventionDate, String catalogueVersion, List<String> heldCodes,
                               List<String> supplements) {
        static HeldBillView of(fr.grd.mes.billing.domain.InterventionBill bill) {
            return new HeldBillView(bill.getId(), bill.getCaseId(), bill.getSupplierId(), bill.getPdl(),
                    bill.getOutcome(), bill.getInterventionDate(), bill.getCatalogueVersion(), bill.getUnpricedCodes(),
                    bill.getSupplements());
        }
    }

    /** Bills holding lines that could not be priced (never dropped): what the operator has to price. */
    @GetMapping("/bills/held")
    public List<HeldBillView> held() {
        return billing.holdingLines().stream().map(HeldBillView::of).toList();
    }

    /** Prices a bill's held codes with the catalogue version now in force on its intervention date. */
    @PostMapping("/bills/{interventionId}/price-held")
    public HeldBillView priceHeld(@org.springframework.web.bind.annotation.PathVariable String interventionId) {
        return HeldBillView.of(billing.priceHeld(interventionId));
    }

    @GetMapping("/catalogue")
    public List<CatalogueVersion> catalogue() {
        return catalogue.versions();
    }

    @PostMapping("/catalogue")
    @ResponseStatus(HttpStatus.CREATED)
    public CatalogueVersion addVersion(@RequestBody CatalogueVersionBody body) {
        List<Violation> violations = new ArrayList<>();
        if (body.effectiveFrom() == null) {
            violations.add(new Violation("effectiveFrom", "is required"));
        }
        if (body.prestations() == null || body.prestations().isEmpty()) {
            violations.add(new Violation("prestations", "give at least one prestation"));
        } else {
            Set<String> codes = new HashSet<>();
            for (int i = 0; i < body.prestations().size(); i++) {
                Prestation p = body.prestations().get(i);
                String at = "prestations[" + i + "]";
                if (p == null) {
                    violations.add(new Violation(at, "is required: a prestation with code, label, price and VAT rate"));
                    continue;
                }
                if (p.code() == null || !p.code().matches("[A-Z0-9-]{2,12}")) {
                    violations.add(new Violation(at + ".code", "must be a catalogue code like F120B"));
                } else if (!codes.add(p.code())) {
                    violations.add(new Violation(at + ".code", "duplicate code " + p.code()));
                }
                if (p.label() == null || p.label().isBlank()) {
                    violations.add(new Violation(at + ".label", "is required"));
                } else if (p.label().length() > MAX_LABEL) {
                    violations.add(new Violation(at + ".label", "at most " + MAX_LABEL + " characters"));
                }
                if (p.unitPriceExclTax() == null || p.unitPriceExclTax().signum() < 0
                        || p.unitPriceExclTax().stripTrailingZeros().scale() > 2
                        || p.unitPriceExclTax().compareTo(MAX_UNIT_PRICE) > 0) {
                    violations.add(new Violation(at + ".unitPriceExclTax", "must be between 0 and "
                            + MAX_UNIT_PRICE.toPlainString() + " with at most 2 decimals"));
                }
                if (p.vatRate() == null || p.vatRate().signum() < 0 || p.vatRate().compareTo(BigDecimal.valueOf(100)) > 0
                        || p.vatRate().stripTrailingZeros().scale() > 2) {
                    violations.add(new Violation(at + ".vatRate", "must be a percentage between 0 and 100 with at most 2 decimals"));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new Invalid(violations);
        }
        java.util.Map<fr.grd.mes.billing.domain.ChartRole, String> chartCodes = body.chartCodes() != null
                ? body.chartCodes()
                : catalogue.inForceOn(body.effectiveFrom()).map(CatalogueVersion::chartCodes).orElse(java.util.Map.of());
        CatalogueVersion version = new CatalogueVersion(body.effectiveFrom().toString(), body.effectiveFrom(),
                body.prestations(), chartCodes);
        List<Violation> roles = version.unpricedRoles().stream().map(role -> new Violation("chartCodes." + role.name(),
                "the decision chart bills " + role + ": name the code of this version that prices it")).toList();
        if (!roles.isEmpty()) {
            throw new Invalid(roles);
        }
        return catalogue.add(version);
    }
}
