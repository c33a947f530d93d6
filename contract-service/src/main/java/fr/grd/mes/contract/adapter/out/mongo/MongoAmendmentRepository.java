package fr.grd.mes.contract.adapter.out.mongo;

import fr.grd.mes.contract.application.AmendmentRepository;
import fr.grd.mes.contract.domain.amendment.Amendment;
import fr.grd.mes.support.mongo.AggregateStore;
import fr.grd.mes.support.mongo.MongoAggregateRepository;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import java.util.Arrays;
import java.util.List;

/** Amendments in the {@code amendments} collection, one document each (state, outbox and inbox). */
@Repository
public class MongoAmendmentRepository extends MongoAggregateRepository<Amendment> implements AmendmentRepository {
    public static final String COLLECTION = "amendments";

    public MongoAmendmentRepository(AggregateStore store) {
        super(store, Amendment.class, COLLECTION);
    }

    @Override
    public List<Amendment> list(Amendment.Status status, int limit) {
        Query query = new Query();
        if (status != null) {
            query.addCriteria(Criteria.where("status").is(status.name()));
        }
        query.with(Sort.by("terms.validUntil", "_id")).limit(limit);
        return mongo().find(query, Amendment.class, COLLECTION);
    }

    @Override
    public List<String> idsIn(Amendment.Status... statuses) {
        Query query = Query.query(Criteria.where("status").in(Arrays.stream(statuses).map(Enum::name).toList()));
        query.fields().include("_id");
        return mongo().find(query, Document.class, COLLECTION).stream().map(d -> d.getString("_id")).toList();
    }
}
