package fr.grd.mes.support.flowfile;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The daily export, driven by the shared clock: when the day changes (Europe/Paris), every day not yet
 * exported up to yesterday is exported, so a service that was down catches up and a simulation that jumps days
 * gets every file.
 */
public class FlowFileJob {
    private static final String RUNS = "flow_file_runs";

    private final FlowFileExporter exporter;
    private final MongoTemplate mongo;
    private final Clock clock;

    public FlowFileJob(FlowFileExporter exporter, MongoTemplate mongo, Clock clock) {
        this.exporter = exporter;
        this.mongo = mongo;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${mes.scheduler.period:PT5S}")
    public void run() {
        LocalDate yesterday = LocalDate.now(clock.withZone(ZoneId.of("Europe/Paris"))).minusDays(1);
        Document state = mongo.findById("daily", Document.class, RUNS);
        if (state == null) {
            mongo.save(new Document("_id", "daily").append("lastDay", yesterday.toString()), RUNS);
            return;
        }
        LocalDate last = LocalDate.parse(state.getString("lastDay"));
        for (LocalDate day = last.plusDays(1); !day.isAfter(yesterday); day = day.plusDays(1)) {
            exporter.exportDay(day);
            mongo.updateFirst(Query.query(Criteria.where("_id").is("daily")), new Update().set("lastDay", day.toString()),
                    RUNS);
        }
    }
}
