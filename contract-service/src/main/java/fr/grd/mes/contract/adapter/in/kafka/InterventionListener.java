package fr.grd.mes.contract.adapter.in.kafka;

import fr.grd.mes.contract.application.DeliveryPointReferential;
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
 * Completed interventions put the PdL into the supplier's perimeter; other intervention events are ignored. A poll's records are applied together
 * ({@link RecordBatches}: one unit of work, one bulk write per collection).
 */
@Component
public class InterventionListener {
    private final DeliveryPointReferential referential;
    private final EventJson json;
    private final RecordBatches batches;

    public InterventionListener(DeliveryPointReferential referential, EventJson json, RecordBatches batches) {
        this.batches = batches;
        this.referential = referential;
        this.json = json;
    }

    @KafkaListener(topics = Topics.INTERVENTIONS, batch = "true")
    public void on(List<ConsumerRecord<String, String>> records) {
        batches.apply(records, record -> on(record.value()));
    }

    public void on(String value) {
        EventEnvelope<Object> envelope = json.read(value);
        if (envelope.payload() instanceof InterventionCompleted done) {
            referential.onInterventionCompleted(envelope, done);
        }
    }
}
