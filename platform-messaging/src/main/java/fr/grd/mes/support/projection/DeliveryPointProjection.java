package fr.grd.mes.support.projection;

import fr.grd.mes.support.port.KnownDeliveryPoint;
import fr.grd.mes.events.DeliveryPointChanged;
import fr.grd.mes.events.EventEnvelope;
import fr.grd.mes.events.Topics;
import fr.grd.mes.support.json.EventJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the {@code delivery_points} collection of this service's own database in step with the referential:
 * a change is applied only if its revision is newer than the one held, so redeliveries and replays of the
 * compacted topic are harmless.
 * <p>
 * A poll's records are applied together (issue 20: one read of the revisions held and one bulk write for the
 * whole batch, instead of a read and a write per record; under light load a batch is the one record there is, no
 * waiting). A record that cannot be read is dead-lettered on its own: what comes before it is applied, the error
 * handler is told its index ({@link BatchListenerFailedException}) and the batch goes on after it. A store failure
 * names the first record not yet applied, so the error handler waits for the store and retries from there.
 */
public class DeliveryPointProjection implements fr.grd.mes.support.port.DeliveryPointDirectory {
    public static final String COLLECTION = "delivery_points";

    private final MongoTemplate mongo;
    private final EventJson json;

    public DeliveryPointProjection(MongoTemplate mongo, EventJson json) {
        this.mongo = mongo;
        this.json = json;
    }

    @KafkaListener(topics = Topics.DELIVERY_POINTS, groupId = "${spring.application.name}.delivery-points",
            batch = "true", properties = "auto.offset.reset=earliest")
    public void on(List<ConsumerRecord<String, String>> records) {
        // the changes read so far, from the batch's first record: a store failure is retried from record 0
        List<DeliveryPointChanged> pending = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            EventEnvelope<Object> envelope;
            try {
                envelope = json.read(records.get(i).value());
            } catch (RuntimeException unreadable) {
                applyFromTheFirstRecord(pending);
                throw new BatchListenerFailedException("unreadable delivery-point record", unreadable, i);
            }
            if (envelope.payload() instanceof DeliveryPointChanged changed) {
                pending.add(changed);
            }
        }
        applyFromTheFirstRecord(pending);
    }

    private void applyFromTheFirstRecord(List<DeliveryPointChanged> changes) {
        try {
            applyAll(changes);
        } catch (RuntimeException storeFailure) {
            throw new BatchListenerFailedException("delivery-point changes not stored", storeFailure, 0);
        }
    }

    public void apply(DeliveryPointChanged changed) {
        applyAll(List.of(changed));
    }

    /** Applies the newest change of each delivery point that is newer than the copy held: one read, one bulk write. */
    public void applyAll(List<DeliveryPointChanged> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Map<String, DeliveryPointChanged> newest = new LinkedHashMap<>();
        for (DeliveryPointChanged changed : changes) {
            newest.merge(changed.pdl(), changed, (held, next) -> next.revision() > held.revision() ? next : held);
        }
        Query heldQuery = Query.query(Criteria.where("_id").in(newest.keySet()));
        heldQuery.fields().include("_id").include("revision");
        Map<Object, Long> held = new HashMap<>();
        for (Document copy : mongo.find(heldQuery, Document.class, COLLECTION)) {
            held.put(copy.get("_id"), copy.get("revision") instanceof Number n ? n.longValue() : Long.MIN_VALUE);
        }
        BulkOperations writes = null;
        for (DeliveryPointChanged changed : newest.values()) {
            Long revision = held.get(changed.pdl());
            if (revision != null && revision >= changed.revision()) {
                continue;
            }
            if (writes == null) {
                writes = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, KnownDeliveryPoint.class, COLLECTION);
            }
            writes.replaceOne(Query.query(Criteria.where("_id").is(changed.pdl())), KnownDeliveryPoint.from(changed),
                    FindAndReplaceOptions.options().upsert());
        }
        if (writes != null) {
            writes.execute();
        }
    }

    @Override
    public Optional<KnownDeliveryPoint> find(String pdl) {
        return Optional.ofNullable(mongo.findById(pdl, KnownDeliveryPoint.class, COLLECTION));
    }
}
