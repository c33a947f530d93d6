package fr.grd.mes.billing.adapter.in.kafka;

import fr.grd.mes.billing.application.Billing;
import fr.grd.mes.events.ClientAbsent;
import fr.grd.mes.events.EventEnvelope;
import fr.grd.mes.events.InterventionCompleted;
import fr.grd.mes.events.Topics;
import fr.grd.mes.support.json.EventJson;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Interventions, completed or with the client absent, are billed. */
@Component
public class InterventionEventsListener {
    private final Billing billing;
    private final EventJson json;

    public InterventionEventsListener(Billing billing, EventJson json) {
        this.billing = billing;
        this.json = json;
    }

    @KafkaListener(topics = Topics.INTERVENTIONS)
    public void on(String value) {
        EventEnvelope<Object> envelope = json.read(value);
        if (envelope.payload() instanceof InterventionCompleted done) {
            billing.onInterventionCompleted(envelope, done);
        } else if (envelope.payload() instanceof ClientAbsent absent) {
            billing.onClientAbsent(envelope, absent);
        }
    }
}
