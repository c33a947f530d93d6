package fr.grd.mes.contract.adapter.in.kafka;

import fr.grd.mes.contract.application.DeliveryPointReferential;
import fr.grd.mes.events.EventEnvelope;
import fr.grd.mes.events.InterventionCompleted;
import fr.grd.mes.events.Topics;
import fr.grd.mes.support.json.EventJson;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Completed interventions put the PdL into the supplier's perimeter; other intervention events are ignored. */
@Component
public class InterventionListener {
    private final DeliveryPointReferential referential;
    private final EventJson json;

    public InterventionListener(DeliveryPointReferential referential, EventJson json) {
        this.referential = referential;
        this.json = json;
    }

    @KafkaListener(topics = Topics.INTERVENTIONS)
    public void on(String value) {
        EventEnvelope<Object> envelope = json.read(value);
        if (envelope.payload() instanceof InterventionCompleted done) {
            referential.onInterventionCompleted(envelope, done);
        }
    }
}
