package fr.grd.mes.support.metrics;

import fr.grd.mes.events.EventEnvelope;
import fr.grd.mes.support.json.EventJson;
import fr.grd.mes.support.outbox.OutboxObserver;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts what the relay actually published (so a retried use case is never counted twice):
 * {@code mes.events.published} by event type and flow, for every service. A service's own business counters are a
 * subclass in its {@code adapter.out.metrics} package, given each published event as its typed record.
 */
public class PublishedEvents implements OutboxObserver {
    protected final MeterRegistry registry;
    private final EventJson json;

    public PublishedEvents(MeterRegistry registry, EventJson json) {
        this.registry = registry;
        this.json = json;
    }

    @Override
    public final void published(String topic, String eventType, String envelopeJson) {
        try {
            count("mes.events.published", "event_type", eventType, "flow", flowOf(topic));
            EventEnvelope<Object> envelope = json.read(envelopeJson);
            business(envelope.payload());
        } catch (RuntimeException e) {
            registry.counter("mes.metrics.errors").increment();
        }
    }

    /** The service's business counters for one published event; none here. */
    protected void business(Object event) {
    }

    protected final void count(String name, String... tags) {
        registry.counter(name, tags).increment();
    }

    protected static String tag(Object value) {
        return value == null ? "unknown" : String.valueOf(value);
    }

    private static String flowOf(String topic) {
        if (topic.startsWith("supplier.")) {
            return topic.substring(topic.lastIndexOf('.') + 1);
        }
        return topic;
    }
}
