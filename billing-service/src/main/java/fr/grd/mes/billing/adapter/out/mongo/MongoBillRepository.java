package fr.grd.mes.billing.adapter.out.mongo;

import fr.grd.mes.billing.application.BillRepository;
import fr.grd.mes.billing.domain.InterventionBill;
import fr.grd.mes.support.mongo.AggregateStore;
import fr.grd.mes.support.mongo.MongoAggregateRepository;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import java.util.List;

/** Bills in the {@code bills} collection, one document each with the billing records still to publish. */
@Repository
public class MongoBillRepository extends MongoAggregateRepository<InterventionBill> implements BillRepository {
    public static final String COLLECTION = "bills";

    public MongoBillRepository(AggregateStore store) {
        super(store, InterventionBill.class, COLLECTION);
    }

    @Override
    public List<InterventionBill> holdingLines() {
        return mongo().find(Query.query(Criteria.where("unpricedCodes.0").exists(true))
                .with(Sort.by("interventionDate", "_id")), InterventionBill.class, COLLECTION);
    }

    @Override
    public long heldLineCount() {
        return holdingLines().stream().mapToLong(bill -> bill.getUnpricedCodes().size()).sum();
    }

    @Override
    public List<InterventionBill> billsOf(String supplierId, String caseId) {
        Criteria criteria = Criteria.where("supplierId").is(supplierId);
        if (caseId != null) {
            criteria = criteria.and("caseId").is(caseId);
        }
        return mongo().find(Query.query(criteria).with(Sort.by("interventionDate", "caseId")),
                InterventionBill.class, COLLECTION);
    }
}
