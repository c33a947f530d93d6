package fr.grd.mes.request.adapter.out.mongo;

import fr.grd.mes.request.application.CaseNumberLedger;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Date;

/** Case numbers taken, as the {@code _id} of {@code case_numbers}: the unique key refuses a second taker. */
@Repository
public class MongoCaseNumberLedger implements CaseNumberLedger {
    static final String COLLECTION = "case_numbers";

    private final MongoTemplate mongo;

    public MongoCaseNumberLedger(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean take(String number, Instant at) {
        try {
            mongo.insert(new Document("_id", number).append("takenAt", Date.from(at)), COLLECTION);
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }
}
