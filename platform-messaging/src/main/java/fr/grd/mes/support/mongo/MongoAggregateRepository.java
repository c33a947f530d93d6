package fr.grd.mes.support.mongo;

import fr.grd.mes.support.aggregate.AggregateRoot;
import fr.grd.mes.support.port.AggregateRepository;
import fr.grd.mes.support.port.AlreadyStored;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The MongoDB side of {@link AggregateRepository} for one aggregate type and collection: each write is one
 * document (state, outbox, inbox), conditional on the version read. A service's repository adapter extends it
 * with the queries its application port declares.
 */
public class MongoAggregateRepository<T extends AggregateRoot> implements AggregateRepository<T> {
    protected final AggregateStore store;
    protected final Class<T> type;
    protected final String collection;

    public MongoAggregateRepository(AggregateStore store, Class<T> type, String collection) {
        this.store = store;
        this.type = type;
        this.collection = collection;
    }

    /** The store for a query of the adapter's own; what this thread's unit of work holds changed is written first. */
    protected MongoTemplate mongo() {
        store.flush();
        return store.mongo();
    }

    @Override
    public Optional<T> find(String id) {
        return store.find(id, type, collection);
    }

    @Override
    public T insert(T aggregate) {
        try {
            return store.insert(aggregate, collection);
        } catch (DuplicateKeyException duplicate) {
            throw new AlreadyStored(collection + " " + aggregate.getId() + " is already stored", duplicate);
        }
    }

    @Override
    public T update(T aggregate) {
        return store.update(aggregate, collection);
    }

    @Override
    public <R> R retrying(Supplier<R> useCase) {
        return store.retrying(useCase);
    }
}
