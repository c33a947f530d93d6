package fr.grd.mes.billing.adapter.in.kafka;

import fr.grd.mes.billing.application.Billing;
import fr.grd.mes.events.ClientAbsent;
import fr.grd.mes.events.EventEnvelope;
import fr.grd.mes.events.InterventionCompleted;
import fr.grd.mes.events.Topics;
import fr.grd.mes.support.json.EventJson;
import fr.grd.mes.support.batch.RecordBatches;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Interventions, completed or with the client absent, are billed. A poll's records are applied together
 * ({@link RecordBatches}: one unit of work, one bulk write per collection).
 */
@Component
public class InterventionEventsListener {
    private final Billing billing;
    private final EventJson json;
    private final RecordBatches batches;

    public InterventionEventsListener(Billing billing, EventJson json, RecordBatches batches) {
        this.batches = batches;
        this.billing = billing;
        this.json = json;
    }

    @KafkaListener(topics = Topics.INTERVENTIONS, batch = "true")
    public void on(List<ConsumerRecord<String, String>> records) {
        batches.apply(records, record -> on(record.value()));
    }

    public void on(String value) {
        EventEnvelope<Object> envelope = json.read(value);
        if (envelope.payload() instanceof InterventionCompleted done) {
            billing.onInterventionCompleted(envelope, done);
        } else if (envelope.payload() instanceof ClientAbsent absent) {
            billing.onClientAbsent(envelope, absent);
        }
    }
}
