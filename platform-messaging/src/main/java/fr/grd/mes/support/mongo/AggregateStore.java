package fr.grd.mes.support.mongo;

import fr.grd.mes.support.aggregate.AggregateRoot;
import fr.grd.mes.support.outbox.OutboxRelay;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Stores aggregates with their embedded outbox and inbox in one document write. Updates are conditional on
 * the version read (optimistic locking done as a filtered replace, which the embedded store supports). Each
 * write hints the outbox relay at the aggregate written. With {@code lockIndex}, each collection gets a unique
 * ({@code _id}, {@code version}) index at its first write, so the conditional replace is an index lookup on the
 * embedded store rather than a scan of the collection.
 */
public class AggregateStore {
    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final RetryTemplate retry = new RetryTemplate(RetryPolicy.builder()
            .maxRetries(8).delay(Duration.ofMillis(5)).jitter(Duration.ofMillis(5)).maxDelay(Duration.ofMillis(200))
            .includes(OptimisticLockingFailureException.class, DuplicateKeyException.class,
                    fr.grd.mes.support.port.AlreadyStored.class).build());

    /**
     * The Spring profile of a service that runs on the embedded store (mongo-java-server, the local stack): its
     * planner only uses an index whose keys are exactly the query's, so each aggregate collection gets a unique
     * ({@code _id}, {@code version}) index and the optimistic-lock update is an index lookup, not a scan. Real
     * MongoDB serves that filter from {@code _id} alone and does without (measured: {@code docs/benchmark.md}).
     */
    public static final String EMBEDDED_STORE_PROFILE = "embedded-store";

    private final boolean lockIndex;
    private final java.util.Set<String> indexed = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final ThreadLocal<UnitOfWork> current = new ThreadLocal<>();

    public AggregateStore(MongoTemplate mongo, OutboxRelay relay, boolean lockIndex) {
        this.mongo = mongo;
        this.relay = relay;
        this.lockIndex = lockIndex;
    }

    private void ensureLockIndex(String collection) {
        if (lockIndex && !indexed.contains(collection)) {
            mongo.indexOps(collection).createIndex(new org.springframework.data.mongodb.core.index.Index()
                    .on("_id", org.springframework.data.domain.Sort.Direction.ASC)
                    .on("version", org.springframework.data.domain.Sort.Direction.ASC).unique().named("optimistic_lock"));
            indexed.add(collection);
        }
    }

    /**
     * Runs a read-change-write use case again when another writer got there first (version conflict, or a
     * concurrent insert of the same id), so the use case re-reads the winner's state before deciding.
     */
    public <T> T retrying(Supplier<T> useCase) {
        return retry.invoke(useCase);
    }

    public MongoTemplate mongo() {
        return mongo;
    }

    /** Inserts a new aggregate; a duplicate id raises {@code DuplicateKeyException}. */
    public <T extends AggregateRoot> T insert(T aggregate, String collection) {
        aggregate.setVersion(0);
        ensureLockIndex(collection);
        UnitOfWork unit = current.get();
        if (unit != null) {
            UnitOfWork.Entry held = unit.get(collection, aggregate.getId());
            if (held != null) {
                throw new DuplicateKeyException(collection + " " + aggregate.getId() + " is already held");
            }
            unit.put(collection, aggregate.getId(), new UnitOfWork.Entry(aggregate, UnitOfWork.NEW, true));
            return aggregate;
        }
        mongo.insert(aggregate, collection);
        hint(aggregate, collection);
        return aggregate;
    }

    public <T extends AggregateRoot> Optional<T> find(String id, Class<T> type, String collection) {
        UnitOfWork unit = current.get();
        if (unit == null) {
            return Optional.ofNullable(mongo.findById(id, type, collection));
        }
        UnitOfWork.Entry held = unit.get(collection, id);
        if (held != null) {
            return Optional.of(type.cast(held.aggregate));
        }
        T found = mongo.findById(id, type, collection);
        if (found != null) {
            unit.put(collection, id, new UnitOfWork.Entry(found, found.getVersion(), false));
        }
        return Optional.ofNullable(found);
    }

    /** Ids of the aggregates whose {@code flag} is true and {@code unsetField} is not set yet. */
    public java.util.List<String> idsWhere(String flag, Object value, String unsetField, String collection) {
        flush();
        Query query = Query.query(Criteria.where(flag).is(value).and(unsetField).is(null));
        query.fields().include("_id");
        return mongo.find(query, org.bson.Document.class, collection).stream()
                .map(doc -> String.valueOf(doc.get("_id"))).toList();
    }

    /** Replaces the stored aggregate if nobody changed it since it was read. */
    public <T extends AggregateRoot> T update(T aggregate, String collection) {
        ensureLockIndex(collection);
        long expected = aggregate.getVersion();
        UnitOfWork unit = current.get();
        if (unit != null) {
            UnitOfWork.Entry held = unit.get(collection, aggregate.getId());
            if (held == null) {
                unit.put(collection, aggregate.getId(), new UnitOfWork.Entry(aggregate, expected, true));
            } else if (held.aggregate != aggregate && held.aggregate.getVersion() != expected) {
                throw new OptimisticLockingFailureException(
                        collection + " " + aggregate.getId() + " changed since version " + expected);
            } else {
                held.aggregate = aggregate;
                held.changed = true;
            }
            aggregate.setVersion(expected + 1);
            return aggregate;
        }
        aggregate.setVersion(expected + 1);
        Query query = Query.query(Criteria.where("_id").is(aggregate.getId()).and("version").is(expected));
        long matched = mongo.replace(query, aggregate, collection).getMatchedCount();
        if (matched != 1) {
            aggregate.setVersion(expected);
            throw new OptimisticLockingFailureException(
                    collection + " " + aggregate.getId() + " changed since version " + expected);
        }
        hint(aggregate, collection);
        return aggregate;
    }

    /**
     * Runs {@code work} with this thread's reads and writes of aggregates held in a unit of work: a find returns
     * the aggregate held (read once), inserts and updates change what is held, and nothing is written until the
     * work is done; then each collection's changes are one unordered bulk write (inserts, and replaces conditional
     * on the version read). A query other than by id ({@link #flush()}, through the repositories' {@code mongo()})
     * writes what is held first, so it sees it. If anything fails (the work, or a conflict at the write: another
     * writer changed an aggregate, or stored an id inserted here) the unit is given up and {@link UnitAbandoned}
     * (or the work's exception) is thrown: what the bulk did write stays (each aggregate's inbox makes applying the
     * same records again harmless) and the relay is woken for every aggregate the unit held.
     */
    public void inOneWrite(Runnable work) {
        if (current.get() != null) {
            work.run();
            return;
        }
        UnitOfWork unit = new UnitOfWork();
        current.set(unit);
        try {
            work.run();
            flush();
        } catch (RuntimeException failure) {
            unit.entries.forEach((collection, held) -> held.keySet().forEach(id -> relay.wakeUp(collection, id)));
            throw failure;
        } finally {
            current.remove();
        }
    }

    /** Writes what this thread's unit of work holds changed (nothing outside a unit): one bulk per collection. */
    public void flush() {
        UnitOfWork unit = current.get();
        if (unit == null || !unit.hasChanges()) {
            return;
        }
        for (var byCollection : unit.entries.entrySet()) {
            String collection = byCollection.getKey();
            java.util.List<UnitOfWork.Entry> changed = byCollection.getValue().values().stream()
                    .filter(e -> e.changed).toList();
            if (changed.isEmpty()) {
                continue;
            }
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED,
                    changed.get(0).aggregate.getClass(), collection);
            int replaces = 0;
            for (UnitOfWork.Entry entry : changed) {
                if (entry.stored == UnitOfWork.NEW) {
                    bulk.insert(entry.aggregate);
                } else {
                    bulk.replaceOne(Query.query(Criteria.where("_id").is(entry.aggregate.getId())
                            .and("version").is(entry.stored)), entry.aggregate);
                    replaces++;
                }
            }
            int matched;
            try {
                matched = bulk.execute().getMatchedCount();
            } catch (org.springframework.data.mongodb.BulkOperationException | DuplicateKeyException conflict) {
                throw new UnitAbandoned(collection + ": an aggregate held was stored meanwhile", conflict);
            }
            if (matched != replaces) {
                throw new UnitAbandoned(collection + ": " + (replaces - matched) + " of " + replaces
                        + " aggregates held changed since they were read", null);
            }
            for (UnitOfWork.Entry entry : changed) {
                entry.stored = entry.aggregate.getVersion();
                entry.changed = false;
                hint(entry.aggregate, collection);
            }
        }
    }

    /** A unit of work's write met another writer's: the unit is given up, its records are applied one by one. */
    public static final class UnitAbandoned extends RuntimeException {
        UnitAbandoned(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Tells the relay what was just stored: the aggregate's whole outbox as written. */
    private void hint(AggregateRoot aggregate, String collection) {
        relay.written(collection, aggregate.getId(), aggregate.getVersion(), aggregate.getOutbox());
    }
}
