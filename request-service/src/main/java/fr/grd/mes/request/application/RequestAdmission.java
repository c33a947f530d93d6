package fr.grd.mes.request.application;

import fr.grd.mes.events.Pdl;
import fr.grd.mes.request.domain.AdditionalServices;
import fr.grd.mes.request.domain.NewRequest;
import fr.grd.mes.support.port.DeliveryPointDirectory;
import fr.grd.mes.support.port.KnownDeliveryPoint;
import fr.grd.mes.support.time.BusinessCalendar;
import fr.grd.mes.support.outcome.Violation;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a well-formed request can become a case: the PdL is 14 digits and known to the referential, its
 * supply is suspended (COUP) or reduced (LIMI) — "la version express ... concerne les demandes de mise en
 * service sur un site où l'alimentation est suspendue ou réduite" — and the appointment is not in the past.
 */
@Component
public class RequestAdmission {
    /** How far ahead a requested appointment may lie. */
    public static final int MAX_DAYS_AHEAD = 366;

    private final DeliveryPointDirectory deliveryPoints;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final KnownCatalogue catalogue;

    public RequestAdmission(DeliveryPointDirectory deliveryPoints, KnownCatalogue catalogue, BusinessCalendar calendar,
                            Clock clock) {
        this.deliveryPoints = deliveryPoints;
        this.catalogue = catalogue;
        this.calendar = calendar;
        this.clock = clock;
    }

    public record Verdict(List<Violation> violations, KnownDeliveryPoint deliveryPoint) {
        public boolean admissible() {
            return violations.isEmpty();
        }
    }

    public Verdict examine(NewRequest request, List<Violation> formViolations) {
        List<Violation> violations = new ArrayList<>(formViolations);
        KnownDeliveryPoint point = null;
        boolean pdlAlreadyReported = violations.stream().anyMatch(v -> v.field().equals("pdl"));
        if (!pdlAlreadyReported && request.pdl() != null) {
            if (!Pdl.isValid(request.pdl())) {
                violations.add(new Violation("pdl", "must be exactly 14 digits"));
            } else {
                Optional<KnownDeliveryPoint> known = deliveryPoints.find(request.pdl());
                if (known.isEmpty()) {
                    violations.add(new Violation("pdl", "unknown delivery point " + request.pdl()));
                } else if (!known.get().supplyState().needsTripToRestore()) {
                    violations.add(new Violation("pdl", "supply of " + request.pdl() + " is "
                            + known.get().supplyState() + ": a mise en service with a trip applies only to a "
                            + "suspended (COUP) or reduced (LIMI) supply"));
                } else {
                    point = known.get();
                }
            }
        }
        LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.PARIS));
        if (request.requestedDate() != null && request.requestedDate().isBefore(today)) {
            violations.add(new Violation("appointment.date", "must not be in the past (today is " + today + ")"));
        } else if (request.requestedDate() != null && request.requestedDate().isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            violations.add(new Violation("appointment.date", "must be within " + MAX_DAYS_AHEAD
                    + " days (the charge table is not open further ahead)"));
        } else if (request.requestedDate() != null && !calendar.isBusinessDay(request.requestedDate())) {
            violations.add(new Violation("appointment.date", request.requestedDate() + " is not a business day "
                    + "(weekend or French public holiday): the charge table offers business days only"));
        }
        if (request.additionalServices() != null) {
            LocalDate pricedOn = request.requestedDate() == null || request.requestedDate().isBefore(today) ? today
                    : request.requestedDate();
            AdditionalServices.problems(request.additionalServices(),
                    fr.grd.mes.request.domain.CatalogueCodes.inForceOn(pricedOn, catalogue.versions()))
                    .forEach(problem -> violations.add(
                    new Violation("additionalServices[" + problem.index() + "]", problem.reason())));
        }
        return new Verdict(violations, point);
    }
}
