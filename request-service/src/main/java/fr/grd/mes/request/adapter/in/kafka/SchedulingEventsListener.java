package fr.grd.mes.request.adapter.in.kafka;

import fr.grd.mes.events.AppointmentAdvanced;
import fr.grd.mes.events.AppointmentBooked;
import fr.grd.mes.events.AppointmentMaintained;
import fr.grd.mes.events.ClientAbsent;
import fr.grd.mes.events.EventEnvelope;
import fr.grd.mes.events.InterventionCompleted;
import fr.grd.mes.events.Topics;
import fr.grd.mes.request.application.CaseService;
import fr.grd.mes.support.json.EventJson;
import fr.grd.mes.support.batch.RecordBatches;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Appointment and intervention events move the case along: thin conversion to use-case calls. A poll's records are applied together
 * ({@link RecordBatches}: one unit of work, one bulk write per collection).
 */
@Component
public class SchedulingEventsListener {
    private final CaseService cases;
    private final EventJson json;
    private final RecordBatches batches;

    public SchedulingEventsListener(CaseService cases, EventJson json, RecordBatches batches) {
        this.batches = batches;
        this.cases = cases;
        this.json = json;
    }

    @KafkaListener(topics = {Topics.APPOINTMENTS, Topics.INTERVENTIONS}, batch = "true")
    public void on(List<ConsumerRecord<String, String>> records) {
        batches.apply(records, record -> on(record.value()));
    }

    public void on(String value) {
        EventEnvelope<Object> envelope = json.read(value);
        Object payload = envelope.payload();
        if (payload instanceof AppointmentBooked booked) {
            cases.onAppointmentBooked(envelope, booked);
        } else if (payload instanceof fr.grd.mes.events.AppointmentUnschedulable waiting) {
            cases.onAppointmentUnschedulable(envelope, waiting);
        } else if (payload instanceof AppointmentAdvanced advanced) {
            cases.onAppointmentAdvanced(envelope, advanced);
        } else if (payload instanceof AppointmentMaintained maintained) {
            cases.onAppointmentMaintained(envelope, maintained);
        } else if (payload instanceof InterventionCompleted done) {
            cases.onInterventionCompleted(envelope, done);
        } else if (payload instanceof ClientAbsent absent) {
            cases.onClientAbsent(envelope, absent);
        }
    }
}
