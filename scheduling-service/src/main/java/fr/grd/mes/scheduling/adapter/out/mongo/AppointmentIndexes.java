package fr.grd.mes.scheduling.adapter.out.mongo;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** The technicians' round reads a zone's appointments of a day; the desk reads advancements by status. */
@Component
public class AppointmentIndexes implements InitializingBean {
    private final MongoTemplate mongo;

    public AppointmentIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(MongoAppointmentRepository.COLLECTION);
        indexes.createIndex(new Index().on("zone", Sort.Direction.ASC).on("date", Sort.Direction.ASC)
                .named("round_of_a_zone_and_day"));
        indexes.createIndex(new Index().on("advancement.status", Sort.Direction.ASC).sparse()
                .named("advancements_by_status"));
    }
}
