package fr.grd.mes.scheduling.adapter.out.mongo;

import fr.grd.mes.events.Slot;
import fr.grd.mes.scheduling.domain.ChargeTable;
import fr.grd.mes.scheduling.domain.SlotKey;
import fr.grd.mes.support.outcome.Conflict;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The charge table in MongoDB, one document per zone, date and half day: {@code capacity}, {@code remaining}
 * and the ids of the appointments holding a place. Every change is a single conditional update
 * ({@code remaining > 0 and not already holding} → decrement and push), never read-then-write.
 */
@Component
public class MongoChargeTable implements ChargeTable {
    static final String COLLECTION = "charge_table";

    private final MongoTemplate mongo;

    public MongoChargeTable(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean book(SlotKey slot, String appointmentId) {
        long modified = mongo.updateFirst(Query.query(Criteria.where("_id").is(slot.id())
                                .and("remaining").gt(0).and("bookings").ne(appointmentId)),
                new Update().inc("remaining", -1).push("bookings", appointmentId), COLLECTION).getModifiedCount();
        return modified == 1 || mongo.exists(Query.query(Criteria.where("_id").is(slot.id())
                .and("bookings").is(appointmentId)), COLLECTION);
    }

    @Override
    public void release(SlotKey slot, String appointmentId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(slot.id()).and("bookings").is(appointmentId)),
                new Update().inc("remaining", 1).pull("bookings", appointmentId), COLLECTION);
    }

    @Override
    public void transfer(SlotKey slot, String from, String to) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(slot.id()).and("bookings").is(from)),
                new Update().set("bookings.$", to), COLLECTION);
    }

    @Override
    public Optional<SlotKey> heldBy(String zone, String appointmentId) {
        // the zone first: a store without a usable index then compares the bookings of that zone's slots only
        Document doc = mongo.findOne(Query.query(Criteria.where("zone").is(zone).and("bookings").is(appointmentId)),
                Document.class, COLLECTION);
        return Optional.ofNullable(doc).map(MongoChargeTable::key);
    }

    @Override
    public List<SlotCapacity> free(String zone, LocalDate from, LocalDate to) {
        return find(Criteria.where("zone").is(zone).and("date").gte(from.toString()).lte(to.toString())
                .and("remaining").gt(0));
    }

    @Override
    public List<SlotCapacity> all(String zone, LocalDate from, LocalDate to) {
        return find(Criteria.where("zone").is(zone).and("date").gte(from.toString()).lte(to.toString()));
    }

    @Override
    public List<String> zones() {
        return mongo.findDistinct(new Query(), "zone", COLLECTION, String.class).stream().sorted().toList();
    }

    @Override
    public SlotCapacity setCapacity(SlotKey slot, int capacity) {
        for (int attempt = 0; attempt < 20; attempt++) {
            Document current = mongo.findById(slot.id(), Document.class, COLLECTION);
            if (current == null) {
                Document created = new Document("_id", slot.id()).append("zone", slot.zone())
                        .append("date", slot.date().toString()).append("slot", slot.slot().name())
                        .append("capacity", capacity).append("remaining", capacity).append("bookings", List.of());
                try {
                    mongo.insert(created, COLLECTION);
                    return new SlotCapacity(slot, capacity, 0);
                } catch (DuplicateKeyException raced) {
                    continue;
                }
            }
            int old = current.getInteger("capacity");
            int delta = capacity - old;
            Criteria unchanged = Criteria.where("_id").is(slot.id()).and("capacity").is(old);
            if (delta < 0) {
                unchanged = unchanged.and("remaining").gte(-delta);
            }
            long modified = mongo.updateFirst(Query.query(unchanged),
                    new Update().inc("capacity", delta).inc("remaining", delta), COLLECTION).getModifiedCount();
            if (modified == 1 || delta == 0) {
                Document now = mongo.findById(slot.id(), Document.class, COLLECTION);
                return capacityOf(now);
            }
            Document latest = mongo.findById(slot.id(), Document.class, COLLECTION);
            if (latest != null && latest.getInteger("capacity") == old) {
                int booked = latest.getInteger("capacity") - latest.getInteger("remaining");
                throw new Conflict("cannot set " + slot.id() + " to " + capacity + " places: " + booked
                        + " are already booked");
            }
        }
        throw new Conflict("charge table slot " + slot.id() + " is changing too fast, retry");
    }

    private List<SlotCapacity> find(Criteria criteria) {
        Query query = Query.query(criteria).with(Sort.by("date", "slot"));
        List<SlotCapacity> result = new ArrayList<>();
        for (Document doc : mongo.find(query, Document.class, COLLECTION)) {
            result.add(capacityOf(doc));
        }
        return result;
    }

    private static SlotCapacity capacityOf(Document doc) {
        int capacity = doc.getInteger("capacity");
        return new SlotCapacity(key(doc), capacity, capacity - doc.getInteger("remaining"));
    }

    private static SlotKey key(Document doc) {
        return new SlotKey(doc.getString("zone"), LocalDate.parse(doc.getString("date")),
                Slot.valueOf(doc.getString("slot")));
    }
}
