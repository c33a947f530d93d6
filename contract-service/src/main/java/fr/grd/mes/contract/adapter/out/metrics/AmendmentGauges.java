package fr.grd.mes.contract.adapter.out.metrics;

import fr.grd.mes.contract.adapter.out.mongo.MongoAmendmentRepository;
import fr.grd.mes.contract.domain.amendment.Amendment;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** {@code mes_amendments{status}} and {@code mes_connection_agreements_overdue}, recounted from the store. */
@Component
public class AmendmentGauges {
    private final MongoTemplate mongo;
    private final Map<Amendment.Status, AtomicLong> byStatus = new EnumMap<>(Amendment.Status.class);
    private final AtomicLong overdue = new AtomicLong();

    public AmendmentGauges(MongoTemplate mongo, MeterRegistry registry) {
        this.mongo = mongo;
        for (Amendment.Status status : Amendment.Status.values()) {
            byStatus.put(status, new AtomicLong());
            Gauge.builder("mes.amendments", byStatus.get(status), AtomicLong::get).tag("status", status.name())
                    .register(registry);
        }
        Gauge.builder("mes.connection.agreements.overdue", overdue, AtomicLong::get).register(registry);
    }

    @Scheduled(fixedDelayString = "${mes.metrics.period:PT15S}")
    public void recount() {
        for (Amendment.Status status : Amendment.Status.values()) {
            byStatus.get(status).set(mongo.count(Query.query(Criteria.where("status").is(status.name())),
                    MongoAmendmentRepository.COLLECTION));
        }
        overdue.set(mongo.count(Query.query(Criteria.where("connectionAgreementOverdue").is(true)),
                MongoAmendmentRepository.COLLECTION));
    }
}
