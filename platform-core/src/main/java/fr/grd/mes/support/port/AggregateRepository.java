package fr.grd.mes.support.port;

import fr.grd.mes.support.aggregate.AggregateRoot;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The port an application service stores one kind of aggregate through. Each write stores the aggregate's
 * state, its outbox and its inbox together (DESIGN §3), conditional on the version read.
 *
 * @param <T> the aggregate
 */
public interface AggregateRepository<T extends AggregateRoot> {
    Optional<T> find(String id);

    /** Stores a new aggregate; an aggregate of that id already stored raises {@link AlreadyStored}. */
    T insert(T aggregate);

    /** Stores the changed aggregate if nobody changed it since it was read (else the write is refused). */
    T update(T aggregate);

    /**
     * Runs a read-change-write use case again when another writer got there first (a version conflict, or a
     * concurrent insert of the same id), so the use case decides again on the winner's state.
     */
    <R> R retrying(Supplier<R> useCase);
}
