package fr.grd.mes.support.outbox;

import fr.grd.mes.support.aggregate.AggregateRoot;
import fr.grd.mes.support.port.EventPublisher;

/** The event publisher: the service's routing table tells where the event goes, the outbox writer records it. */
public final class RoutedEventPublisher implements EventPublisher {
    private final OutboxWriter outbox;
    private final EventRoutes routes;

    public RoutedEventPublisher(OutboxWriter outbox, EventRoutes routes) {
        this.outbox = outbox;
        this.routes = routes;
    }

    @Override
    public void publish(AggregateRoot owner, Object event) {
        EventRoutes.Route route = routes.routeOf(owner, event);
        outbox.append(owner, route.topic(), EventRoutes.typeOf(event), route.key(), route.correlationId(),
                route.supplierId(), event);
    }
}
