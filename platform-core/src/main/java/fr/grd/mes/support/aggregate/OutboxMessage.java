package fr.grd.mes.support.aggregate;

import java.time.Instant;

/**
 * An event waiting in an aggregate's embedded outbox: written in the same document update as the state
 * change that caused it, published by the {@code OutboxRelay}, then removed.
 */
public record OutboxMessage(String eventId, String topic, String key, String eventType, String payload,
                            Instant createdAt) {
}
