package fr.grd.mes.scheduling.adapter.out.mongo;

import fr.grd.mes.scheduling.application.PlaceHoldRepository;
import fr.grd.mes.scheduling.domain.PlaceHold;
import fr.grd.mes.support.mongo.AggregateStore;
import fr.grd.mes.support.mongo.MongoAggregateRepository;
import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;

/** Place holds in the {@code place_holds} collection, one document each. */
@Repository
public class MongoPlaceHoldRepository extends MongoAggregateRepository<PlaceHold>
        implements PlaceHoldRepository, InitializingBean {
    public static final String COLLECTION = "place_holds";

    public MongoPlaceHoldRepository(AggregateStore store) {
        super(store, PlaceHold.class, COLLECTION);
    }

    @Override
    public void afterPropertiesSet() {
        mongo().indexOps(COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC)
                .on("expiresAt", Sort.Direction.ASC).named("holds_by_status_and_expiry"));
    }

    @Override
    public List<String> idsPendingAt(Instant now) {
        Query query = Query.query(new Criteria().orOperator(
                Criteria.where("status").in(PlaceHold.REQUESTED, PlaceHold.HELD).and("expiresAt").lte(now),
                Criteria.where("status").is(PlaceHold.CLAIMED).and("claimedUntil").lte(now)));
        query.fields().include("_id");
        return mongo().find(query, Document.class, COLLECTION).stream().map(doc -> doc.getString("_id")).toList();
    }
}
