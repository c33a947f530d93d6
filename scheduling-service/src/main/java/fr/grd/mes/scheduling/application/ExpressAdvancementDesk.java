package fr.grd.mes.scheduling.application;

import fr.grd.mes.events.EventEnvelope;
import fr.grd.mes.events.EventTypes;
import fr.grd.mes.events.ExpressEscalated;
import fr.grd.mes.events.Topics;
import fr.grd.mes.scheduling.domain.Advancement;
import fr.grd.mes.scheduling.domain.Appointment;
import fr.grd.mes.scheduling.domain.ChargeTable;
import fr.grd.mes.scheduling.domain.SlotKey;
import fr.grd.mes.support.mongo.AggregateStore;
import fr.grd.mes.support.outbox.OutboxWriter;
import fr.grd.mes.support.time.BusinessCalendar;
import fr.grd.mes.support.web.ConflictException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Seed option 2, the distributor's side. The supplier's call opens a 1-business-day window; while it is open
 * the desk looks for a place within the 2 business days (freed or added capacity), holds it and calls the
 * client: agreed → AppointmentAdvanced, unreachable or declined → AppointmentMaintained; a window that ends
 * without an advancement keeps the initial date (AppointmentMaintained).
 */
@Service
public class ExpressAdvancementDesk {
    private final AggregateStore store;
    private final AppointmentBooking appointments;
    private final ChargeTable chargeTable;
    private final OutboxWriter outbox;
    private final BusinessCalendar calendar;
    private final Clock clock;

    public ExpressAdvancementDesk(AggregateStore store, AppointmentBooking appointments, ChargeTable chargeTable,
                                  OutboxWriter outbox, BusinessCalendar calendar, Clock clock) {
        this.store = store;
        this.appointments = appointments;
        this.chargeTable = chargeTable;
        this.outbox = outbox;
        this.calendar = calendar;
        this.clock = clock;
    }

    public static String holdIdFor(Appointment appointment) {
        return appointment.getId() + "#advance";
    }

    /** "Re-contacté par Enedis sous 1 jour ouvré": the window ends at the same time, 1 business day later. */
    public Instant windowEnd(Instant escalatedAt) {
        ZonedDateTime at = escalatedAt.atZone(BusinessCalendar.PARIS);
        LocalDate endDay = calendar.addBusinessDays(at.toLocalDate(), 1);
        return at.with(endDay).toInstant();
    }

    public void onExpressEscalated(EventEnvelope<?> envelope, ExpressEscalated escalated) {
        store.retrying(() -> {
            Appointment a = appointments.get(Appointment.idFor(escalated.caseId()));
            if (a.hasApplied(envelope.eventId())) {
                return a;
            }
            a.markApplied(envelope.eventId());
            a.openAdvancementWindow(escalated.escalatedAt(), windowEnd(escalated.escalatedAt()));
            return store.update(a, AppointmentBooking.COLLECTION);
        });
        searchFor(Appointment.idFor(escalated.caseId()));
    }

    /** One pass of the desk: look for places for open windows, close the windows that ended. */
    public void sweep() {
        for (String id : activeAdvancements(Advancement.OPEN)) {
            searchFor(id);
        }
        for (String id : activeAdvancements(Advancement.OPEN, Advancement.PROPOSED)) {
            closeIfDue(id);
        }
    }

    public List<Appointment> withAdvancementStatus(String status) {
        return store.mongo().find(Query.query(Criteria.where("advancement.status").is(status)),
                Appointment.class, AppointmentBooking.COLLECTION);
    }

    /** The desk's call to the client about a proposed date. */
    public Appointment clientCall(String appointmentId, boolean reachable, boolean agreed) {
        Appointment result = store.retrying(() -> {
            Appointment a = appointments.get(appointmentId);
            Advancement adv = a.getAdvancement();
            if (adv == null || !Advancement.PROPOSED.equals(adv.status())) {
                throw new ConflictException("appointment " + appointmentId + " has no advancement proposal waiting "
                        + "for a call" + (adv == null ? "" : " (advancement " + adv.status() + ")"));
            }
            if (reachable && agreed) {
                outbox.append(a, Topics.APPOINTMENTS, EventTypes.APPOINTMENT_ADVANCED, a.getCaseId(), a.getCaseId(),
                        a.getSupplierId(), a.clientAgreed(clock.instant()));
            } else {
                String reason = reachable ? Appointment.CLIENT_DECLINED : Appointment.CLIENT_UNREACHABLE;
                outbox.append(a, Topics.APPOINTMENTS, EventTypes.APPOINTMENT_MAINTAINED, a.getCaseId(),
                        a.getCaseId(), a.getSupplierId(), a.keepInitialDate(reason, clock.instant()));
            }
            return store.update(a, AppointmentBooking.COLLECTION);
        });
        settlePlaces(result);
        return result;
    }

    private void searchFor(String appointmentId) {
        Appointment a = appointments.get(appointmentId);
        Advancement adv = a.getAdvancement();
        if (adv == null || !Advancement.OPEN.equals(adv.status())) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.PARIS));
        LocalDate latest = a.getExpressDeadline().isBefore(a.getDate().minusDays(1)) ? a.getExpressDeadline()
                : a.getDate().minusDays(1);
        if (latest.isBefore(today)) {
            return;
        }
        for (ChargeTable.SlotCapacity free : chargeTable.free(a.getZone(), today, latest)) {
            if (!calendar.isBusinessDay(free.key().date())) {
                continue;
            }
            if (chargeTable.book(free.key(), holdIdFor(a))) {
                boolean proposed = store.retrying(() -> {
                    Appointment fresh = appointments.get(appointmentId);
                    if (!fresh.propose(free.key(), clock.instant())) {
                        return false;
                    }
                    store.update(fresh, AppointmentBooking.COLLECTION);
                    return true;
                });
                if (!proposed) {
                    chargeTable.release(free.key(), holdIdFor(a));
                }
                return;
            }
        }
    }

    private void closeIfDue(String appointmentId) {
        Appointment closed = store.retrying(() -> {
            Appointment a = appointments.get(appointmentId);
            var maintained = a.closeWindowIfDue(clock.instant());
            if (maintained.isEmpty()) {
                return null;
            }
            outbox.append(a, Topics.APPOINTMENTS, EventTypes.APPOINTMENT_MAINTAINED, a.getCaseId(), a.getCaseId(),
                    a.getSupplierId(), maintained.get());
            return store.update(a, AppointmentBooking.COLLECTION);
        });
        if (closed != null) {
            settlePlaces(closed);
        }
    }

    /** After the advancement ended: the new slot keeps one place, the other place is given back. */
    private void settlePlaces(Appointment a) {
        Advancement adv = a.getAdvancement();
        if (adv == null || adv.proposal() == null) {
            return;
        }
        if (Advancement.ADVANCED.equals(adv.status())) {
            var initial = chargeTable.heldBy(a.getId()).filter(held -> !held.equals(adv.proposal()));
            chargeTable.transfer(adv.proposal(), holdIdFor(a), a.getId());
            initial.ifPresent(old -> chargeTable.release(old, a.getId()));
        } else {
            chargeTable.release(adv.proposal(), holdIdFor(a));
        }
    }

    private List<String> activeAdvancements(String... statuses) {
        Query query = Query.query(Criteria.where("advancement.status").in((Object[]) statuses));
        query.fields().include("_id");
        return store.mongo().find(query, org.bson.Document.class, AppointmentBooking.COLLECTION).stream()
                .map(doc -> doc.getString("_id")).toList();
    }
}
