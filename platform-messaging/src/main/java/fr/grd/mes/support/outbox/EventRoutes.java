package fr.grd.mes.support.outbox;

import fr.grd.mes.support.aggregate.AggregateRoot;
import fr.grd.mes.events.EventTypes;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A service's routing table: for each event it publishes, the topic, the record key, the correlation id and
 * the supplier the envelope names, derived from the event and the aggregate that produced it. One table per
 * service, in its {@code adapter.out.kafka} package; an event without a route is a programming error.
 */
public final class EventRoutes {
    /** Where one event goes. */
    public record Route(String topic, String key, String correlationId, String supplierId) {
        public static Route of(String topic, String key, String supplierId) {
            return new Route(topic, key, key, supplierId);
        }
    }

    private final Map<Class<?>, BiFunction<AggregateRoot, Object, Route>> routes;

    private EventRoutes(Map<Class<?>, BiFunction<AggregateRoot, Object, Route>> routes) {
        this.routes = Map.copyOf(routes);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Route routeOf(AggregateRoot owner, Object event) {
        BiFunction<AggregateRoot, Object, Route> route = routes.get(event.getClass());
        if (route == null) {
            throw new IllegalStateException("no route for " + event.getClass().getSimpleName()
                    + " from " + owner.getClass().getSimpleName());
        }
        return route.apply(owner, event);
    }

    /** The event type name the envelope carries (the contracts' catalogue). */
    public static String typeOf(Object event) {
        return EventTypes.typeOf(event.getClass());
    }

    public java.util.Set<Class<?>> routedEvents() {
        return routes.keySet();
    }

    public static final class Builder {
        private final Map<Class<?>, BiFunction<AggregateRoot, Object, Route>> routes = new HashMap<>();

        public <A extends AggregateRoot, E> Builder route(Class<A> owner, Class<E> event,
                                                          BiFunction<A, E, Route> route) {
            EventTypes.typeOf(event);
            routes.put(event, (a, e) -> route.apply(owner.cast(a), event.cast(e)));
            return this;
        }

        public EventRoutes build() {
            return new EventRoutes(routes);
        }
    }
}
