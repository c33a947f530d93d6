package fr.grd.mes.scheduling.adapter.out.mongo;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The booking reads a zone's free slots between two dates, and the recovery after a crash mid-booking looks for the
 * slot of a zone an appointment holds (a multikey index over the slots' bookings).
 */
@Component
public class ChargeTableIndexes implements InitializingBean {
    private final MongoTemplate mongo;

    public ChargeTableIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(MongoChargeTable.COLLECTION);
        indexes.createIndex(new Index().on("zone", Sort.Direction.ASC).on("date", Sort.Direction.ASC)
                .named("slots_of_a_zone_by_date"));
        indexes.createIndex(new Index().on("zone", Sort.Direction.ASC).on("bookings", Sort.Direction.ASC)
                .named("place_held_by_an_appointment"));
    }
}
