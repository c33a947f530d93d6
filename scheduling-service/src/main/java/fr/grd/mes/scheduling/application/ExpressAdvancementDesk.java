package fr.grd.mes.scheduling.application;

import fr.grd.mes.events.EventEnvelope;
import fr.grd.mes.events.ExpressEscalated;
import fr.grd.mes.scheduling.domain.OpenPlaces;
import fr.grd.mes.scheduling.domain.Advancement;
import fr.grd.mes.scheduling.domain.Appointment;
import fr.grd.mes.scheduling.domain.ChargeTable;
import fr.grd.mes.scheduling.domain.HalfDays;
import fr.grd.mes.scheduling.domain.SlotKey;
import fr.grd.mes.support.port.EventPublisher;
import fr.grd.mes.support.time.BusinessCalendar;
import fr.grd.mes.support.outcome.Conflict;
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
    private final AppointmentRepository appointments;
    private final AppointmentBooking booking;
    private final ChargeTable chargeTable;
    private final EventPublisher events;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final PlaceSettlement settlement;
    private final HalfDays halfDays;
    private final OpenPlaces openPlaces;

    public ExpressAdvancementDesk(AppointmentRepository appointments, AppointmentBooking booking,
                                  ChargeTable chargeTable, PlaceSettlement settlement, EventPublisher events,
                                  BusinessCalendar calendar, HalfDays halfDays, Clock clock) {
        this.settlement = settlement;
        this.halfDays = halfDays;
        this.openPlaces = new OpenPlaces(calendar, halfDays);
        this.appointments = appointments;
        this.booking = booking;
        this.chargeTable = chargeTable;
        this.events = events;
        this.calendar = calendar;
        this.clock = clock;
    }

    public static String holdIdFor(Appointment appointment) {
        return appointment.advancementHoldId();
    }

    /** "Re-contacté par Enedis sous 1 jour ouvré": the window ends at the same time, 1 business day later. */
    public Instant windowEnd(Instant escalatedAt) {
        ZonedDateTime at = escalatedAt.atZone(BusinessCalendar.PARIS);
        LocalDate endDay = calendar.addBusinessDays(at.toLocalDate(), 1);
        return at.with(endDay).toInstant();
    }

    public void onExpressEscalated(EventEnvelope<?> envelope, ExpressEscalated escalated) {
        appointments.retrying(() -> {
            Appointment a = booking.get(Appointment.idFor(escalated.caseId()));
            if (a.hasApplied(envelope.eventId())) {
                return a;
            }
            a.markApplied(envelope.eventId());
            a.openAdvancementWindow(escalated.escalatedAt(), windowEnd(escalated.escalatedAt()));
            a.maintainIfPastExpressDeadline(LocalDate.now(clock.withZone(BusinessCalendar.PARIS)), clock.instant())
                    .ifPresent(maintained -> events.publish(a, maintained));
            return appointments.update(a);
        });
        settlement.settle(Appointment.idFor(escalated.caseId()));
        searchFor(Appointment.idFor(escalated.caseId()));
    }

    /**
     * One pass of the desk: carry out the charge-table changes still owed (after a crash), look for places for open
     * windows, close the windows that ended.
     */
    public void sweep() {
        settlement.settleAll();
        for (String id : activeAdvancements(Advancement.OPEN)) {
            searchFor(id);
        }
        for (String id : activeAdvancements(Advancement.OPEN, Advancement.PROPOSED)) {
            closeIfDue(id);
        }
    }

    public List<Appointment> withAdvancementStatus(String status) {
        return appointments.withAdvancementStatus(status);
    }

    /** The desk's call to the client about a proposed date. */
    public Appointment clientCall(String appointmentId, boolean reachable, boolean agreed) {
        Appointment result = appointments.retrying(() -> {
            Appointment a = booking.get(appointmentId);
            Advancement adv = a.getAdvancement();
            if (adv == null || !Advancement.PROPOSED.equals(adv.status())) {
                throw new Conflict("appointment " + appointmentId + " has no advancement proposal waiting "
                        + "for a call" + (adv == null ? "" : " (advancement " + adv.status() + ")"));
            }
            if (reachable && agreed) {
                try {
                    events.publish(a, a.clientAgreed(clock.instant(), halfDays));
                } catch (IllegalStateException tooLate) {
                    throw new Conflict(tooLate.getMessage());
                }
            } else {
                String reason = reachable ? Appointment.CLIENT_DECLINED : Appointment.CLIENT_UNREACHABLE;
                events.publish(a, a.keepInitialDate(reason, clock.instant()));
            }
            return appointments.update(a);
        });
        settlement.settle(result.getId());
        return appointments.find(result.getId()).orElse(result);
    }

    private void searchFor(String appointmentId) {
        Appointment a = booking.get(appointmentId);
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
        for (ChargeTable.SlotCapacity free : openPlaces.free(chargeTable, a.getZone(), today,
                latest, clock.instant())) {
            if (chargeTable.book(free.key(), holdIdFor(a))) {
                boolean proposed = appointments.retrying(() -> {
                    Appointment fresh = booking.get(appointmentId);
                    if (!fresh.propose(free.key(), clock.instant(), halfDays)) {
                        return false;
                    }
                    appointments.update(fresh);
                    return true;
                });
                // not proposed: give the place back — unless a concurrent search (the sweep and the escalation both
                // look) already proposed this very place under the same hold, which must then stay held
                if (!proposed && !free.key().equals(proposalOf(appointmentId))) {
                    chargeTable.release(free.key(), holdIdFor(a));
                }
                return;
            }
        }
    }

    private SlotKey proposalOf(String appointmentId) {
        Advancement adv = booking.get(appointmentId).getAdvancement();
        return adv == null ? null : adv.proposal();
    }

    private void closeIfDue(String appointmentId) {
        Appointment closed = appointments.retrying(() -> {
            Appointment a = booking.get(appointmentId);
            var maintained = a.closeWindowIfDue(clock.instant());
            if (maintained.isEmpty()) {
                return null;
            }
            events.publish(a, maintained.get());
            return appointments.update(a);
        });
        if (closed != null) {
            settlement.settle(closed.getId());
        }
    }

    private List<String> activeAdvancements(String... statuses) {
        return appointments.idsWithAdvancementStatus(statuses);
    }
}
