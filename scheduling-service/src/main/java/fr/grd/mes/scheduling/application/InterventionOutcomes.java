package fr.grd.mes.scheduling.application;

import fr.grd.mes.events.EventTypes;
import fr.grd.mes.events.Topics;
import fr.grd.mes.scheduling.domain.Appointment;
import fr.grd.mes.scheduling.domain.AppointmentStatus;
import fr.grd.mes.support.mongo.AggregateStore;
import fr.grd.mes.support.outbox.OutboxWriter;
import fr.grd.mes.support.time.BusinessCalendar;
import fr.grd.mes.support.web.ConflictException;
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

    private final AggregateStore store;
    private final AppointmentBooking appointments;
    private final OutboxWriter outbox;
    private final Clock clock;

    public InterventionOutcomes(AggregateStore store, AppointmentBooking appointments, OutboxWriter outbox,
                                Clock clock) {
        this.store = store;
        this.appointments = appointments;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Appointment record(String appointmentId, Result result, Long meterIndex) {
        return store.retrying(() -> {
            Appointment a = appointments.get(appointmentId);
            if (a.getStatus() != AppointmentStatus.BOOKED) {
                throw new ConflictException("appointment " + appointmentId + " is " + a.getStatus()
                        + ": its outcome is already recorded or it has no date");
            }
            LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.PARIS));
            if (!a.isDueOn(today)) {
                throw new ConflictException("appointment " + appointmentId + " is on " + a.getDate()
                        + ": its outcome cannot be recorded before that date (today is " + today + ")");
            }
            if (result == Result.COMPLETED) {
                outbox.append(a, Topics.INTERVENTIONS, EventTypes.INTERVENTION_COMPLETED, a.getCaseId(),
                        a.getCaseId(), a.getSupplierId(), a.complete(meterIndex, clock.instant()));
            } else {
                outbox.append(a, Topics.INTERVENTIONS, EventTypes.CLIENT_ABSENT, a.getCaseId(), a.getCaseId(),
                        a.getSupplierId(), a.clientAbsent(clock.instant()));
            }
            return store.update(a, AppointmentBooking.COLLECTION);
        });
    }
}
