package fr.grd.mes.request.adapter.out.mongo;

import fr.grd.mes.events.Version;
import fr.grd.mes.request.application.CaseRepository;
import fr.grd.mes.request.domain.Case;
import fr.grd.mes.request.domain.MilestoneCode;
import fr.grd.mes.support.mongo.AggregateStore;
import fr.grd.mes.support.mongo.MongoAggregateRepository;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Cases in the {@code cases} collection, one document each (state, outbox and inbox together). */
@Repository
public class MongoCaseRepository extends MongoAggregateRepository<Case> implements CaseRepository {
    public static final String COLLECTION = "cases";

    public MongoCaseRepository(AggregateStore store) {
        super(store, Case.class, COLLECTION);
    }

    @Override
    public Optional<Case> byPortalRequestId(String portalRequestId) {
        return Optional.ofNullable(mongo().findOne(Query.query(Criteria.where("portalRequestId").is(portalRequestId)),
                Case.class, COLLECTION));
    }

    @Override
    public Optional<Case> openCaseOn(String pdl) {
        return Optional.ofNullable(mongo().findOne(Query.query(Criteria.where("openPdl").is(pdl)), Case.class,
                COLLECTION));
    }

    @Override
    public List<String> idsWithSummarySheetDue() {
        return store.idsWhere("summarySheetDue", true, "summarySheetIssuedAt", COLLECTION);
    }

    @Override
    public List<Case> search(String pdl, String externalReference, String supplierId, int limit) {
        List<Criteria> criteria = new ArrayList<>();
        if (pdl != null) {
            criteria.add(Criteria.where("pdl").is(pdl));
        }
        if (externalReference != null) {
            criteria.add(Criteria.where("externalReference").is(externalReference));
        }
        if (supplierId != null) {
            criteria.add(Criteria.where("supplierId").is(supplierId));
        }
        Query query = Query.query(new Criteria().andOperator(criteria.toArray(Criteria[]::new)))
                .with(Sort.by(Sort.Direction.DESC, "receivedAt")).limit(limit);
        return mongo().find(query, Case.class, COLLECTION);
    }

    @Override
    public long countWithMilestone(MilestoneCode code, Instant from, Instant to, Version version) {
        Criteria criteria = Criteria.where("milestones")
                .elemMatch(Criteria.where("code").is(code.name()).and("at").gte(from).lt(to));
        if (version != null) {
            criteria = criteria.and("requestVersion").is(version.name());
        }
        return mongo().count(Query.query(criteria), COLLECTION);
    }
}
