package fr.grd.mes.request.application;

import fr.grd.mes.events.AppointmentAdvanced;
import fr.grd.mes.events.AppointmentBooked;
import fr.grd.mes.events.AppointmentMaintained;
import fr.grd.mes.events.ClientAbsent;
import fr.grd.mes.events.EventEnvelope;
import fr.grd.mes.events.EventTypes;
import fr.grd.mes.events.InterventionCompleted;
import fr.grd.mes.events.Topics;
import fr.grd.mes.request.domain.Case;
import fr.grd.mes.request.domain.Deadlines;
import fr.grd.mes.request.domain.NewRequest;
import fr.grd.mes.support.mongo.AggregateStore;
import fr.grd.mes.support.outbox.OutboxWriter;
import fr.grd.mes.support.time.BusinessCalendar;
import fr.grd.mes.support.web.ConflictException;
import fr.grd.mes.support.web.NotFoundException;
import fr.grd.mes.support.web.ValidationFailedException;
import fr.grd.mes.support.web.Violation;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The use cases of a case: a supplier submits a request, asks for express by phone, reads its case; events
 * from scheduling move it along. Every change stores the case, its events and a fresh tracking record for
 * the supplier in one write.
 */
@Service
public class CaseService {
    public static final String COLLECTION = "cases";

    private final AggregateStore store;
    private final OutboxWriter outbox;
    private final RequestAdmission admission;
    private final CaseNumbers numbers;
    private final BusinessCalendar calendar;
    private final Clock clock;

    public CaseService(AggregateStore store, OutboxWriter outbox, RequestAdmission admission, CaseNumbers numbers,
                       BusinessCalendar calendar, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.admission = admission;
        this.numbers = numbers;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** Refuses with every reason at once, or stores the case with DMTR, DMREC and RequestCreated. */
    public Case submit(NewRequest request, List<Violation> formViolations) {
        if (formViolations.isEmpty() && request.portalRequestId() != null) {
            java.util.Optional<Case> already = byPortalRequestId(request.portalRequestId());
            if (already.isPresent()) {
                return already.get();
            }
        }
        RequestAdmission.Verdict verdict = admission.examine(request, formViolations);
        if (!verdict.admissible()) {
            throw new ValidationFailedException(verdict.violations());
        }
        Instant now = clock.instant();
        Case created = Case.receive(numbers.next(), request, verdict.deliveryPoint().zone(),
                verdict.deliveryPoint().supplyState(), Deadlines.of(now, calendar), now);
        outbox.append(created, Topics.REQUESTS, EventTypes.REQUEST_CREATED, created.getId(), created.getId(),
                created.getSupplierId(), created.requestCreated());
        publishTracking(created);
        return store.insert(created, COLLECTION);
    }

    public java.util.Optional<Case> byPortalRequestId(String portalRequestId) {
        return java.util.Optional.ofNullable(store.mongo().findOne(org.springframework.data.mongodb.core.query.Query
                .query(org.springframework.data.mongodb.core.query.Criteria.where("portalRequestId").is(portalRequestId)),
                Case.class, COLLECTION));
    }

    public Case get(String caseId) {
        return store.find(caseId, Case.class, COLLECTION)
                .orElseThrow(() -> new NotFoundException("unknown case " + caseId));
    }

    /** The supplier's call to the "Acheminement" line for an express case with a conservatory appointment. */
    public Case escalate(String caseId, String caller) {
        return store.retrying(() -> {
            Case c = get(caseId);
            if (!c.canBeEscalated()) {
                throw new ConflictException("case " + caseId + " cannot be escalated: express escalation applies "
                        + "once, to an open case whose appointment is conservatory");
            }
            c.escalate(caller, clock.instant()).ifPresent(escalated -> outbox.append(c, Topics.REQUESTS,
                    EventTypes.EXPRESS_ESCALATED, caseId, caseId, c.getSupplierId(), escalated));
            publishTracking(c);
            return store.update(c, COLLECTION);
        });
    }

    public void onAppointmentBooked(EventEnvelope<?> envelope, AppointmentBooked booked) {
        apply(envelope, booked.caseId(), (c, now) -> c.appointmentBooked(booked, now));
    }

    public void onAppointmentAdvanced(EventEnvelope<?> envelope, AppointmentAdvanced advanced) {
        apply(envelope, advanced.caseId(), (c, now) -> c.appointmentAdvanced(advanced, now));
    }

    public void onAppointmentMaintained(EventEnvelope<?> envelope, AppointmentMaintained maintained) {
        apply(envelope, maintained.caseId(), (c, now) -> c.appointmentMaintained(maintained, now));
    }

    public void onInterventionCompleted(EventEnvelope<?> envelope, InterventionCompleted done) {
        apply(envelope, done.caseId(), (c, now) -> outbox.append(c, Topics.REQUESTS, EventTypes.CASE_CLOSED,
                c.getId(), c.getId(), c.getSupplierId(), c.interventionCompleted(done, now)));
    }

    public void onClientAbsent(EventEnvelope<?> envelope, ClientAbsent absent) {
        apply(envelope, absent.caseId(), (c, now) -> outbox.append(c, Topics.REQUESTS, EventTypes.CASE_CLOSED,
                c.getId(), c.getId(), c.getSupplierId(), c.clientAbsent(absent, now)));
    }

    /** Issues the summary sheets due: advanced express cases closed before today. Driven by the clock. */
    public int issueDueSummarySheets() {
        Instant now = clock.instant();
        LocalDate today = now.atZone(BusinessCalendar.PARIS).toLocalDate();
        int issued = 0;
        for (String caseId : store.idsWhere("summarySheetDue", true, "summarySheetIssuedAt", COLLECTION)) {
            issued += store.retrying(() -> {
                Case c = get(caseId);
                var sheet = c.issueSummarySheet(today, now);
                if (sheet.isEmpty()) {
                    return 0;
                }
                outbox.append(c, Topics.summary(c.getSupplierId()), EventTypes.SUMMARY_SHEET, caseId, caseId,
                        c.getSupplierId(), sheet.get());
                store.update(c, COLLECTION);
                return 1;
            });
        }
        return issued;
    }

    private void apply(EventEnvelope<?> envelope, String caseId, BiConsumer<Case, Instant> change) {
        store.retrying(() -> {
            Case c = get(caseId);
            if (c.hasApplied(envelope.eventId())) {
                return c;
            }
            c.markApplied(envelope.eventId());
            change.accept(c, clock.instant());
            publishTracking(c);
            return store.update(c, COLLECTION);
        });
    }

    private void publishTracking(Case c) {
        outbox.append(c, Topics.tracking(c.getSupplierId()), EventTypes.TRACKING_RECORD, c.getId(), c.getId(),
                c.getSupplierId(), c.tracking());
    }
}
