package fr.grd.mes.support.flowfile;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The records set aside from a supplier's flow files because they could not be written (a character XML cannot
 * carry, a value outside the schema — whatever the cause, data stored before the edge checks included). A held
 * record stays out of every file until an operator releases it; a released record goes into the supplier's next
 * file of that flow, once, and is then marked delivered with the file's name. If it still cannot be written it
 * is held again with the new reason. One document per (supplier, flow, record), in the owning service's store.
 */
public class FlowHolds {
    public static final String COLLECTION = "flow_holds";

    public enum Status { HELD, RELEASED, DELIVERED }

    public record Hold(String id, String supplierId, String flow, String recordId, String reason, Instant heldAt,
                       Status status, Instant releasedAt, String releasedBy, String deliveredIn) {
    }

    private final MongoTemplate mongo;

    public FlowHolds(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** {@code flow~supplier~record}: URL-safe, one hold per record of a supplier's flow. */
    public static String idOf(String supplierId, String flow, String recordId) {
        return flow + "~" + supplierId + "~" + recordId;
    }

    public void hold(String supplierId, String flow, String recordId, String reason, Instant at) {
        org.bson.Document doc = new org.bson.Document("_id", idOf(supplierId, flow, recordId))
                .append("supplierId", supplierId).append("flow", flow).append("recordId", recordId)
                .append("reason", reason).append("heldAt", Date.from(at)).append("status", Status.HELD.name());
        mongo.save(doc, COLLECTION);
    }

    public Set<String> recordIds(String supplierId, String flow, Status status) {
        return mongo.find(Query.query(Criteria.where("supplierId").is(supplierId).and("flow").is(flow)
                        .and("status").is(status.name())), org.bson.Document.class, COLLECTION).stream()
                .map(d -> d.getString("recordId")).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    public Set<String> suppliersWithReleased(String flow) {
        return mongo.find(Query.query(Criteria.where("flow").is(flow).and("status").is(Status.RELEASED.name())),
                org.bson.Document.class, COLLECTION).stream().map(d -> d.getString("supplierId"))
                .collect(Collectors.toSet());
    }

    public void released(String id, String by, Instant at) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("status", Status.RELEASED.name())
                .set("releasedAt", Date.from(at)).set("releasedBy", by), COLLECTION);
    }

    public void delivered(String supplierId, String flow, Collection<String> recordIds, String fileName) {
        if (recordIds.isEmpty()) {
            return;
        }
        mongo.updateMulti(Query.query(Criteria.where("supplierId").is(supplierId).and("flow").is(flow)
                        .and("recordId").in(recordIds).and("status").is(Status.RELEASED.name())),
                new Update().set("status", Status.DELIVERED.name()).set("deliveredIn", fileName), COLLECTION);
    }

    public Optional<Hold> find(String id) {
        return Optional.ofNullable(mongo.findById(id, org.bson.Document.class, COLLECTION)).map(FlowHolds::of);
    }

    public List<Hold> list(Status status, String flow) {
        Criteria criteria = new Criteria();
        if (status != null) {
            criteria = criteria.and("status").is(status.name());
        }
        if (flow != null) {
            criteria = criteria.and("flow").is(flow);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("heldAt", "_id")).limit(1000), org.bson.Document.class,
                COLLECTION).stream().map(FlowHolds::of).toList();
    }

    public long count(String flow, Status status) {
        return mongo.count(Query.query(Criteria.where("flow").is(flow).and("status").is(status.name())), COLLECTION);
    }

    private static Hold of(org.bson.Document d) {
        return new Hold(d.getString("_id"), d.getString("supplierId"), d.getString("flow"), d.getString("recordId"),
                d.getString("reason"), instant(d, "heldAt"), Status.valueOf(d.getString("status")),
                instant(d, "releasedAt"), d.getString("releasedBy"), d.getString("deliveredIn"));
    }

    private static Instant instant(org.bson.Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
