package fr.grd.mes.support.outbox;

/** Told about every event the relay has published (metrics, audit); must not throw. */
public interface OutboxObserver {
    void published(String topic, String eventType, String envelopeJson);
}
