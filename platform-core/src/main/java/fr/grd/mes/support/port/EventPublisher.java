package fr.grd.mes.support.port;

import fr.grd.mes.support.aggregate.AggregateRoot;

/**
 * The port a use case publishes an event through: the event joins the outbox of the aggregate that produced
 * it and leaves with the aggregate's next write (so it is published if and only if the change is stored).
 * Which topic and key it takes is the outbound Kafka adapter's routing table, not the use case's choice.
 */
public interface EventPublisher {
    void publish(AggregateRoot owner, Object event);
}
