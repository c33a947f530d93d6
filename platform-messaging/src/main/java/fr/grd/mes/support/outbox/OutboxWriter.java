package fr.grd.mes.support.outbox;

import fr.grd.mes.support.aggregate.OutboxMessage;
import fr.grd.mes.support.aggregate.AggregateRoot;
import fr.grd.mes.events.EventEnvelope;
import fr.grd.mes.support.json.EventJson;

import java.time.Clock;

/** Turns an event into an outbox entry of an aggregate (the envelope serialized once, at the change). */
public final class OutboxWriter {
    private final EventJson json;
    private final Clock clock;

    public OutboxWriter(EventJson json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    public <P> EventEnvelope<P> append(AggregateRoot aggregate, String topic, String eventType, String key,
                                       String correlationId, String supplierId, P payload) {
        EventEnvelope<P> envelope = EventEnvelope.of(eventType, key, correlationId, supplierId, clock.instant(),
                payload);
        aggregate.addToOutbox(new OutboxMessage(envelope.eventId().toString(), topic, key, eventType,
                json.write(envelope), envelope.occurredAt()));
        return envelope;
    }
}
