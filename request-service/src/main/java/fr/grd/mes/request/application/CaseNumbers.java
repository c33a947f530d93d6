package fr.grd.mes.request.application;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** SGE-like case numbers ("A" + 9 digits) from one atomically incremented counter: no gaps under races. */
@Component
public class CaseNumbers {
    private final MongoTemplate mongo;

    public CaseNumbers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public String next() {
        Document counter = mongo.findAndModify(Query.query(Criteria.where("_id").is("case")),
                new Update().inc("seq", 1L), FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class, "counters");
        long seq = ((Number) counter.get("seq")).longValue();
        return String.format("A%09d", seq);
    }
}
