package fr.grd.mes.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The envelope every record on every topic carries (DESIGN §2). {@code eventType} is a stable logical name
 * from {@link EventTypes}, never a class name, so a consumer in any language can dispatch on it; the Kafka key
 * is {@link #key()} (the case id, or the PdL for delivery-point records).
 */
public record EventEnvelope<P>(
        UUID eventId,
        String eventType,
        int schemaVersion,
        Instant occurredAt,
        String key,
        String correlationId,
        String supplierId,
        P payload) {

    public static <P> EventEnvelope<P> of(String eventType, String key, String correlationId, String supplierId,
                                          Instant occurredAt, P payload) {
        return new EventEnvelope<>(UUID.randomUUID(), eventType, EventTypes.schemaVersionOf(eventType), occurredAt,
                key, correlationId, supplierId, payload);
    }
}
