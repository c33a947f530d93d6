package fr.grd.mes.support.port;

import fr.grd.mes.support.aggregate.AggregateRoot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An {@link AggregateRepository} in memory, for use-case tests: insert refuses a known id ({@link AlreadyStored}),
 * update bumps the version, and {@link #writes()} counts the writes, so a test can tell that a refused or
 * redelivered command stored nothing. It keeps the aggregates themselves (no copy): a test asserts on what a use
 * case stored, not on what it read.
 */
public class InMemoryRepository<T extends AggregateRoot> implements AggregateRepository<T> {
    protected final Map<String, T> stored = new LinkedHashMap<>();
    private int writes;

    @Override
    public Optional<T> find(String id) {
        return Optional.ofNullable(stored.get(id));
    }

    @Override
    public T insert(T aggregate) {
        if (stored.containsKey(aggregate.getId())) {
            throw new AlreadyStored(aggregate.getId() + " is already stored", null);
        }
        aggregate.setVersion(0);
        stored.put(aggregate.getId(), aggregate);
        writes++;
        return aggregate;
    }

    @Override
    public T update(T aggregate) {
        if (!stored.containsKey(aggregate.getId())) {
            throw new IllegalStateException(aggregate.getId() + " was never stored");
        }
        aggregate.setVersion(aggregate.getVersion() + 1);
        stored.put(aggregate.getId(), aggregate);
        writes++;
        return aggregate;
    }

    @Override
    public <R> R retrying(Supplier<R> useCase) {
        return useCase.get();
    }

    public List<T> all() {
        return new ArrayList<>(stored.values());
    }

    public int writes() {
        return writes;
    }
}
