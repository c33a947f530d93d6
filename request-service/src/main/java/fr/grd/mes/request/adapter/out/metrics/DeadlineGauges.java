package fr.grd.mes.request.adapter.out.metrics;

import fr.grd.mes.events.Version;
import fr.grd.mes.request.adapter.out.mongo.MongoCaseRepository;
import fr.grd.mes.support.time.BusinessCalendar;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code mes_cases_past_deadline{version}}: open cases whose applicable deadline (2 business days express, 5
 * standard) is already behind the shared clock's today, and {@code mes_cases_open{version}}. Recounted from
 * the store every period, so the figures are true after a restart; {@code mes_cases_appointment_past_deadline{version}}:
 * open cases whose appointment misses the applicable deadline although the client asked within it (a conservatory
 * appointment counts only once the express decision is made).
 */
@Component
public class DeadlineGauges {
    private final MongoTemplate mongo;
    private final Clock clock;
    private final Map<Version, AtomicLong> pastDeadline = new EnumMap<>(Version.class);
    private final Map<Version, AtomicLong> open = new EnumMap<>(Version.class);
    private final Map<Version, AtomicLong> appointmentPastDeadline = new EnumMap<>(Version.class);

    public DeadlineGauges(MongoTemplate mongo, Clock clock, MeterRegistry registry) {
        this.mongo = mongo;
        this.clock = clock;
        for (Version version : Version.values()) {
            pastDeadline.put(version, new AtomicLong());
            open.put(version, new AtomicLong());
            appointmentPastDeadline.put(version, new AtomicLong());
            Gauge.builder("mes.cases.appointment.past.deadline", appointmentPastDeadline.get(version), AtomicLong::get)
                    .description("open cases whose appointment misses the applicable deadline the client asked within")
                    .tag("version", version.name()).register(registry);
            Gauge.builder("mes.cases.past.deadline", pastDeadline.get(version), AtomicLong::get)
                    .tag("version", version.name()).register(registry);
            Gauge.builder("mes.cases.open", open.get(version), AtomicLong::get)
                    .tag("version", version.name()).register(registry);
        }
    }

    @Scheduled(fixedDelayString = "${mes.metrics.period:PT15S}")
    public void recount() {
        LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.PARIS));
        for (Version version : Version.values()) {
            String deadlineField = version == Version.EXPRESS ? "deadlines.express" : "deadlines.standard";
            Criteria openCases = Criteria.where("status").is("COURS").and("requestVersion").is(version.name());
            open.get(version).set(mongo.count(Query.query(openCases), MongoCaseRepository.COLLECTION));
            appointmentPastDeadline.get(version).set(mongo.count(Query.query(Criteria.where("status").is("COURS")
                    .and("requestVersion").is(version.name()).and("pastDeadline").is(true)),
                    MongoCaseRepository.COLLECTION));
            pastDeadline.get(version).set(mongo.count(Query.query(Criteria.where("status").is("COURS")
                    .and("requestVersion").is(version.name()).and(deadlineField).lt(today)), MongoCaseRepository.COLLECTION));
        }
    }
}
