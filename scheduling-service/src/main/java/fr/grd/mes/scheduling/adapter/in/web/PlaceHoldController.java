package fr.grd.mes.scheduling.adapter.in.web;

import fr.grd.mes.events.Pdl;
import fr.grd.mes.events.Slot;
import fr.grd.mes.scheduling.application.PlaceHolds;
import fr.grd.mes.scheduling.domain.PlaceHold;
import fr.grd.mes.scheduling.domain.SlotKey;
import fr.grd.mes.support.outcome.Forbidden;
import fr.grd.mes.support.outcome.Invalid;
import fr.grd.mes.support.outcome.NotFound;
import fr.grd.mes.support.outcome.Violation;
import fr.grd.mes.support.port.DeliveryPointDirectory;
import fr.grd.mes.support.port.KnownDeliveryPoint;
import fr.grd.mes.support.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Coupled booking over HTTP: a supplier (or the portal for it) holds a place of the charge table, names the hold in
 * its request, or lets it go. request-service claims the hold for the case, with the supplier's own token.
 */
@RestController
@RequestMapping("/api/v1/holds")
public class PlaceHoldController {
    private final PlaceHolds holds;
    private final DeliveryPointDirectory deliveryPoints;

    public PlaceHoldController(PlaceHolds holds, DeliveryPointDirectory deliveryPoints) {
        this.holds = holds;
        this.deliveryPoints = deliveryPoints;
    }

    /** What to hold: the delivery point (its zone is the charge table's) or the zone, a date and a half day. */
    public record HoldBody(String pdl, String zone, LocalDate date, Slot slot, String supplierId) {
    }

    public record ClaimBody(String caseId, String zone, LocalDate date, Slot slot) {
    }

    public record HoldView(String holdId, String supplierId, String zone, LocalDate date, Slot slot, String status,
                           Instant heldAt, Instant expiresAt, String caseId) {
        static HoldView of(PlaceHold h) {
            return new HoldView(h.getId(), h.getSupplierId(), h.getZone(), h.getDate(), h.getSlot(), h.getStatus(),
                    h.getHeldAt(), h.getExpiresAt(), h.getCaseId());
        }
    }

    @PostMapping
    public ResponseEntity<HoldView> hold(@RequestBody HoldBody body) {
        Caller caller = Caller.current();
        List<Violation> violations = new ArrayList<>();
        String supplier = body.supplierId() != null ? body.supplierId() : caller.supplierId();
        if (supplier == null || !supplier.matches("[A-Za-z0-9_-]{1,40}")) {
            violations.add(new Violation("supplierId", "the supplier the place is held for: 1-40 letters, digits, _ or -"));
        } else if (!caller.mayActFor(supplier)) {
            throw new Forbidden("a supplier holds places only for itself (" + caller.supplierId() + ")");
        }
        String zone = zoneOf(body, violations);
        if (body.date() == null) {
            violations.add(new Violation("date", "is required"));
        }
        if (body.slot() == null) {
            violations.add(new Violation("slot", "must be AM or PM"));
        }
        if (!violations.isEmpty()) {
            throw new Invalid(violations);
        }
        PlaceHold hold = holds.hold(supplier, new SlotKey(zone, body.date(), body.slot()));
        return ResponseEntity.created(URI.create("/api/v1/holds/" + hold.getId())).body(HoldView.of(hold));
    }

    @GetMapping("/{holdId}")
    public HoldView get(@PathVariable String holdId) {
        return HoldView.of(visible(holdId));
    }

    @DeleteMapping("/{holdId}")
    public HoldView letGo(@PathVariable String holdId) {
        visible(holdId);
        return HoldView.of(holds.release(holdId));
    }

    @PostMapping("/{holdId}/claim")
    public HoldView claim(@PathVariable String holdId, @RequestBody ClaimBody body) {
        List<Violation> violations = new ArrayList<>();
        if (body.caseId() == null || body.caseId().isBlank()) {
            violations.add(new Violation("caseId", "is required"));
        }
        if (body.zone() == null || body.date() == null || body.slot() == null) {
            violations.add(new Violation("zone", "the zone, date and slot of the request are required"));
        }
        if (!violations.isEmpty()) {
            throw new Invalid(violations);
        }
        visible(holdId);
        return HoldView.of(holds.claim(holdId, body.caseId(), body.zone(), body.date(), body.slot()));
    }

    private PlaceHold visible(String holdId) {
        PlaceHold hold = holds.find(holdId).orElseThrow(() -> new NotFound("hold " + holdId + " not found"));
        Caller.current().requireVisible(hold.getSupplierId(), "hold " + holdId);
        return hold;
    }

    private String zoneOf(HoldBody body, List<Violation> violations) {
        if (body.pdl() == null) {
            if (body.zone() == null || !body.zone().matches("[A-Za-z0-9_-]{1,40}")) {
                violations.add(new Violation("pdl", "give the delivery point (or the zone of the charge table)"));
            }
            return body.zone();
        }
        if (!Pdl.isValid(body.pdl())) {
            violations.add(new Violation("pdl", "must be 14 digits"));
            return null;
        }
        Optional<String> zone = deliveryPoints.find(body.pdl()).map(KnownDeliveryPoint::zone);
        if (zone.isEmpty()) {
            violations.add(new Violation("pdl", "unknown delivery point " + body.pdl()));
        } else if (body.zone() != null && !body.zone().equals(zone.get())) {
            violations.add(new Violation("zone", "delivery point " + body.pdl() + " is in zone " + zone.get()));
        }
        return zone.orElse(null);
    }
}
