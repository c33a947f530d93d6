package fr.grd.mes.support.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Instant;
import java.util.List;

/**
 * Settings shared by the services ({@code mes.*}).
 *
 * @param clock       where the services take their time from
 * @param outbox      which collections hold embedded outboxes, how often the relay polls and sweeps them, whether
 *                    writes hint the relay at the aggregate they wrote
 * @param store       how aggregates are stored
 * @param kafka       partitions and replicas of the topics this service creates
 * @param projections which local projections this service keeps
 * @param json        how events and HTTP bodies are (de)serialised
 */
@ConfigurationProperties("mes")
public record MesProperties(Clock clock, Outbox outbox, Store store, Kafka kafka, Projections projections,
                            Json json) {

    public MesProperties {
        clock = clock == null ? new Clock(null, null, null, null) : clock;
        outbox = outbox == null ? new Outbox(null, null, null, null, null) : outbox;
        store = store == null ? new Store(null) : store;
        kafka = kafka == null ? new Kafka(null, null, null) : kafka;
        projections = projections == null ? new Projections(null) : projections;
        json = json == null ? new Json(null) : json;
    }

    /** mode: real (default) or simulation (start instant, speed factor); control exposes the clock endpoint. */
    public record Clock(String mode, Instant start, Double speed, Boolean control) {
        public boolean simulation() {
            return "simulation".equalsIgnoreCase(mode);
        }

        public boolean controlEnabled() {
            return Boolean.TRUE.equals(control) || simulation();
        }
    }

    /**
     * pollMillis: longest wait between two relay passes; sweepMillis: how often a pass looks through whole
     * collections for any pending outbox (the safety net); hinted: writes tell the relay which aggregate to read;
     * pullPerPass: one update per collection and pass removes what the pass published from all the aggregates it
     * read (false: one update per aggregate).
     */
    public record Outbox(List<String> collections, Long pollMillis, Long sweepMillis, Boolean hinted,
                         Boolean pullPerPass) {
        public Outbox {
            collections = collections == null ? List.of() : collections;
            pollMillis = pollMillis == null ? 250L : pollMillis;
            sweepMillis = sweepMillis == null ? 2_000L : sweepMillis;
            hinted = hinted == null || hinted;
            pullPerPass = pullPerPass == null || pullPerPass;
        }
    }

    /**
     * lockIndex: a unique index on ({@code _id}, {@code version}) of each aggregate collection, so that the
     * optimistic-lock update ({@code {_id, version}} filter) is an index lookup on the embedded store, whose planner
     * only uses an index whose keys are exactly the query's. Real MongoDB serves that filter from {@code _id}
     * alone: switch it off there ({@code MES_STORE_LOCKINDEX=false} in Docker Compose and Kubernetes).
     */
    public record Store(Boolean lockIndex) {
        public Store {
            lockIndex = lockIndex == null || lockIndex;
        }
    }

    public record Kafka(Integer partitions, Short replicas, Integer maxAttempts) {
        public Kafka {
            partitions = partitions == null ? 3 : partitions;
            replicas = replicas == null ? (short) 1 : replicas;
            maxAttempts = maxAttempts == null ? 4 : maxAttempts;
        }
    }

    public record Projections(Boolean deliveryPoints) {
        public boolean deliveryPointsEnabled() {
            return Boolean.TRUE.equals(deliveryPoints);
        }
    }

    /**
     * blackbird: Jackson's Blackbird module, which binds properties through generated lambdas instead of
     * reflection, on the event mapper and on the HTTP one (off by default: issue 8's benchmark measured no gain).
     */
    public record Json(Boolean blackbird) {
        public Json {
            blackbird = blackbird != null && blackbird;
        }
    }
}
