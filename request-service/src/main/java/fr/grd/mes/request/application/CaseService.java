package fr.grd.mes.request.application;

import fr.grd.mes.events.AppointmentAdvanced;
import fr.grd.mes.events.AppointmentBooked;
import fr.grd.mes.events.AppointmentMaintained;
import fr.grd.mes.events.AppointmentUnschedulable;
import fr.grd.mes.events.ClientAbsent;
import fr.grd.mes.events.EventEnvelope;
import fr.grd.mes.events.InterventionCompleted;
import fr.grd.mes.request.domain.Case;
import fr.grd.mes.request.domain.Deadlines;
import fr.grd.mes.request.domain.NewRequest;
import fr.grd.mes.support.port.AlreadyStored;
import fr.grd.mes.support.port.EventPublisher;
import fr.grd.mes.support.time.BusinessCalendar;
import fr.grd.mes.support.outcome.Conflict;
import fr.grd.mes.support.outcome.NotFound;
import fr.grd.mes.support.outcome.Invalid;
import fr.grd.mes.support.outcome.Violation;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The use cases of a case: a supplier submits a request, asks for express by phone, reads its case; events
 * from scheduling move it along. Every change stores the case, its events and a fresh tracking record for
 * the supplier in one write.
 */
@Service
public class CaseService {
    private final CaseRepository cases;
    private final EventPublisher events;
    private final RequestAdmission admission;
    private final CaseNumbers numbers;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final PlaceHoldClaims holds;

    public CaseService(CaseRepository cases, EventPublisher events, RequestAdmission admission, CaseNumbers numbers,
                       PlaceHoldClaims holds, BusinessCalendar calendar, Clock clock) {
        this.holds = holds;
        this.cases = cases;
        this.events = events;
        this.admission = admission;
        this.numbers = numbers;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** Refuses with every reason at once, or stores the case with DMTR, DMREC and RequestCreated. */
    public Case submit(NewRequest request, List<Violation> formViolations) {
        if (formViolations.isEmpty() && request.portalRequestId() != null) {
            Optional<Case> already = byPortalRequestId(request.portalRequestId());
            if (already.isPresent()) {
                return already.get();
            }
        }
        RequestAdmission.Verdict verdict = admission.examine(request, formViolations);
        if (!verdict.admissible()) {
            throw new Invalid(verdict.violations());
        }
        refuseIfOpen(request.pdl(), request.supplierId());
        refuseIfNotRenewable(request);
        Instant now = clock.instant();
        String caseId = numbers.next();
        if (request.holdId() != null) {
            // coupled booking: the held place is this case's, or the request is refused before anything is stored
            holds.claim(request.holdId(), caseId, verdict.deliveryPoint().zone(), request.requestedDate(),
                    request.requestedSlot());
        }
        Case created = Case.receive(caseId, request, verdict.deliveryPoint().zone(),
                verdict.deliveryPoint().supplyState(), Deadlines.of(now, calendar), now);
        events.publish(created, created.requestCreated());
        publishTracking(created);
        try {
            Case stored = cases.insert(created);
            linkRenewal(stored);
            return stored;
        } catch (AlreadyStored raced) {
            // another request got there first: the same portal request (answer it), or another on this PdL
            if (request.portalRequestId() != null) {
                Optional<Case> same = byPortalRequestId(request.portalRequestId());
                if (same.isPresent()) {
                    return same.get();
                }
            }
            refuseIfOpen(request.pdl(), request.supplierId());
            throw raced;
        }
    }

    /**
     * A renewal names a case of the same supplier closed with the client absent, on the same PdL, renewed once. The
     * link back is written on the renewed case after the renewal is stored: the renewal itself is never lost.
     */
    private void refuseIfNotRenewable(NewRequest request) {
        if (request.renewalOf() == null) {
            return;
        }
        Optional<Case> renewed = cases.find(request.renewalOf())
                .filter(c -> c.getSupplierId().equals(request.supplierId()));
        String refusal = renewed.isEmpty() ? "unknown case " + request.renewalOf()
                : renewed.get().renewalRefusal(request.pdl()).orElse(null);
        if (refusal != null) {
            throw new Invalid(List.of(new Violation("renewalOf", refusal)));
        }
    }

    private void linkRenewal(Case renewal) {
        if (renewal.getRenewalOf() == null) {
            return;
        }
        cases.retrying(() -> {
            Case renewed = get(renewal.getRenewalOf());
            if (!renewed.renewedBy(renewal.getId())) {
                return renewed;
            }
            publishTracking(renewed);
            return cases.update(renewed);
        });
    }

    /**
     * One open case per delivery point: a second mise en service request waits for the first to close. The open
     * case is named to its own supplier only; another supplier learns that there is one, not whose.
     */
    private void refuseIfOpen(String pdl, String supplierId) {
        cases.openCaseOn(pdl).ifPresent(open -> {
            throw new Conflict("delivery point " + pdl + " already has an open mise en service case"
                    + (open.getSupplierId().equals(supplierId) ? ", " + open.getId() : "")
                    + ": a new request can be made once it is closed");
        });
    }

    public Optional<Case> byPortalRequestId(String portalRequestId) {
        return cases.byPortalRequestId(portalRequestId);
    }

    public Case get(String caseId) {
        return cases.find(caseId)
                .orElseThrow(() -> new NotFound("unknown case " + caseId));
    }

    /** The supplier's call to the "Acheminement" line for an express case with a conservatory appointment. */
    public Case escalate(String caseId, String caller) {
        return cases.retrying(() -> {
            Case c = get(caseId);
            if (!c.canBeEscalated()) {
                throw new Conflict("case " + caseId + " cannot be escalated: express escalation applies "
                        + "once, to an open case whose appointment is conservatory");
            }
            c.escalate(caller, clock.instant()).ifPresent(escalated -> events.publish(c, escalated));
            publishTracking(c);
            return cases.update(c);
        });
    }

    public void onAppointmentBooked(EventEnvelope<?> envelope, AppointmentBooked booked) {
        apply(envelope, booked.caseId(), (c, now) -> c.appointmentBooked(booked, now));
    }

    public void onAppointmentUnschedulable(EventEnvelope<?> envelope, AppointmentUnschedulable waiting) {
        apply(envelope, waiting.caseId(), (c, now) -> c.appointmentUnschedulable(waiting, now));
    }

    public void onAppointmentAdvanced(EventEnvelope<?> envelope, AppointmentAdvanced advanced) {
        apply(envelope, advanced.caseId(), (c, now) -> c.appointmentAdvanced(advanced, now));
    }

    public void onAppointmentMaintained(EventEnvelope<?> envelope, AppointmentMaintained maintained) {
        apply(envelope, maintained.caseId(), (c, now) -> c.appointmentMaintained(maintained, now));
    }

    public void onInterventionCompleted(EventEnvelope<?> envelope, InterventionCompleted done) {
        apply(envelope, done.caseId(), (c, now) -> events.publish(c, c.interventionCompleted(done, now)));
    }

    public void onClientAbsent(EventEnvelope<?> envelope, ClientAbsent absent) {
        apply(envelope, absent.caseId(), (c, now) -> events.publish(c, c.clientAbsent(absent, now)));
    }

    /** Issues the summary sheets due: advanced express cases closed before today. Driven by the clock. */
    public int issueDueSummarySheets() {
        Instant now = clock.instant();
        LocalDate today = now.atZone(BusinessCalendar.PARIS).toLocalDate();
        int issued = 0;
        for (String caseId : cases.idsWithSummarySheetDue()) {
            issued += cases.retrying(() -> {
                Case c = get(caseId);
                var sheet = c.issueSummarySheet(today, now);
                if (sheet.isEmpty()) {
                    return 0;
                }
                events.publish(c, sheet.get());
                cases.update(c);
                return 1;
            });
        }
        return issued;
    }

    private void apply(EventEnvelope<?> envelope, String caseId, BiConsumer<Case, Instant> change) {
        cases.retrying(() -> {
            Case c = get(caseId);
            if (c.hasApplied(envelope.eventId())) {
                return c;
            }
            c.markApplied(envelope.eventId());
            change.accept(c, clock.instant());
            publishTracking(c);
            return cases.update(c);
        });
    }

    private void publishTracking(Case c) {
        events.publish(c, c.tracking());
    }
}
