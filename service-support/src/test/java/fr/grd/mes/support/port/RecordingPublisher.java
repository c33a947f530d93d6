package fr.grd.mes.support.port;

import fr.grd.mes.support.aggregate.AggregateRoot;

import java.util.ArrayList;
import java.util.List;

/** An {@link EventPublisher} that keeps, in order, what a use case published and from which aggregate. */
public class RecordingPublisher implements EventPublisher {
    public record Published(AggregateRoot owner, Object event) {
    }

    private final List<Published> published = new ArrayList<>();

    @Override
    public void publish(AggregateRoot owner, Object event) {
        published.add(new Published(owner, event));
    }

    /** The events published, in order. */
    public List<Object> events() {
        return published.stream().map(Published::event).toList();
    }

    /** The types of the events published, in order. */
    public List<Class<?>> types() {
        return published.stream().<Class<?>>map(p -> p.event().getClass()).toList();
    }

    public <E> List<E> eventsOf(Class<E> type) {
        return published.stream().map(Published::event).filter(type::isInstance).map(type::cast).toList();
    }

    public void clear() {
        published.clear();
    }
}
