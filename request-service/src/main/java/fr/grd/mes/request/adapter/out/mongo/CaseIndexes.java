package fr.grd.mes.request.adapter.out.mongo;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The indexes of the cases: one case per portal request id (unique, sparse: requests made over HTTP without
 * one are not constrained), and the lookups of the summary-sheet job.
 */
@Component
public class CaseIndexes implements InitializingBean {
    private final MongoTemplate mongo;

    public CaseIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(MongoCaseRepository.COLLECTION);
        indexes.createIndex(new Index().on("portalRequestId", Sort.Direction.ASC).unique().sparse()
                .named("one_case_per_portal_request"));
        // set while a case is open, absent once it is closed: a second open case on a PdL is a duplicate key
        indexes.createIndex(new Index().on("openPdl", Sort.Direction.ASC).unique().sparse()
                .named("one_open_case_per_delivery_point"));
        indexes.createIndex(new Index().on("pdl", Sort.Direction.ASC).on("receivedAt", Sort.Direction.DESC)
                .named("cases_of_a_delivery_point"));
        indexes.createIndex(new Index().on("externalReference", Sort.Direction.ASC).sparse()
                .named("cases_by_supplier_reference"));
        indexes.createIndex(new Index().on("milestones.at", Sort.Direction.ASC)
                .named("milestones_of_a_day"));
        indexes.createIndex(new Index().on("summarySheetDue", Sort.Direction.ASC).named("summary_sheet_due"));
    }
}
