package fr.grd.mes.support.batch;

import fr.grd.mes.support.mongo.AggregateStore;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;

import java.util.List;
import java.util.function.Consumer;

/**
 * How a batch listener applies a poll's records to its aggregates (issue 20): all of them in one unit of work, so
 * the aggregates they touch are read once, changed in memory (several events of one aggregate make one change) and
 * written with one bulk write per collection before the offsets are committed. A poll of one record is applied
 * at once, as a record listener would (no waiting to fill a batch, no unit to build).
 * <p>
 * If the batch fails as a whole (a record's use case throws, or the bulk write meets another writer's change) its
 * records are applied again one by one, each written on its own: what a record already changed is found applied in
 * the aggregate's inbox, and the first record that fails on its own is handed to the error handler by its index
 * ({@link BatchListenerFailedException}): the records before it are committed, it is retried with back-off and
 * dead-lettered like any record, and the records after it follow. No single bad record blocks the others.
 */
public final class RecordBatches {
    private final AggregateStore store;

    public RecordBatches(AggregateStore store) {
        this.store = store;
    }

    public <V> void apply(List<ConsumerRecord<String, V>> records, Consumer<ConsumerRecord<String, V>> apply) {
        if (records.size() > 1) {
            try {
                store.inOneWrite(() -> records.forEach(apply));
                return;
            } catch (RuntimeException batchFailed) {
                // applied again one by one below, where the record at fault is found
            }
        }
        oneByOne(records, apply);
    }

    private static <V> void oneByOne(List<ConsumerRecord<String, V>> records,
                                     Consumer<ConsumerRecord<String, V>> apply) {
        for (int i = 0; i < records.size(); i++) {
            try {
                apply.accept(records.get(i));
            } catch (RuntimeException failure) {
                throw new BatchListenerFailedException(failure.getMessage(), failure, i);
            }
        }
    }
}
