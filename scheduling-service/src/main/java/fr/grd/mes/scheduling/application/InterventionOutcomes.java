package fr.grd.mes.scheduling.application;

import fr.grd.mes.scheduling.domain.Appointment;
import fr.grd.mes.support.port.EventPublisher;
import fr.grd.mes.support.time.BusinessCalendar;
import fr.grd.mes.support.outcome.Conflict;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The technician's report on the appointment date: COMPLETED with the meter index (InterventionCompleted) or
 * CLIENT_ABSENT (ClientAbsent: no "mise en service", a wasted-trip fee). Recorded once per appointment.
 */
@Service
public class InterventionOutcomes {
    public enum Result { COMPLETED, CLIENT_ABSENT }

    private final AppointmentRepository appointments;
    private final AppointmentBooking booking;
    private final EventPublisher events;
    private final PlaceSettlement settlement;
    private final Clock clock;

    public InterventionOutcomes(AppointmentRepository appointments, AppointmentBooking booking,
                                EventPublisher events, PlaceSettlement settlement, Clock clock) {
        this.appointments = appointments;
        this.booking = booking;
        this.events = events;
        this.settlement = settlement;
        this.clock = clock;
    }

    public Appointment record(String appointmentId, Result result, Long meterIndex) {
        Appointment recorded = appointments.retrying(() -> {
            Appointment a = booking.get(appointmentId);
            LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.PARIS));
            a.outcomeRefusal(today).ifPresent(reason -> {
                throw new Conflict(reason);
            });
            a.closeAdvancementForOutcome(clock.instant()).ifPresent(maintained -> events.publish(a, maintained));
            if (result == Result.COMPLETED) {
                events.publish(a, a.complete(meterIndex, clock.instant()));
            } else {
                events.publish(a, a.clientAbsent(clock.instant()));
            }
            return appointments.update(a);
        });
        // a place held for an advancement proposal nobody took goes back to the charge table (owed by the write above)
        settlement.settle(recorded.getId());
        return appointments.find(recorded.getId()).orElse(recorded);
    }
}
