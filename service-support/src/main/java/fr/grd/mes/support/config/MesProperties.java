package fr.grd.mes.support.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Instant;
import java.util.List;

/**
 * Settings shared by the services ({@code mes.*}).
 *
 * @param clock       where the services take their time from
 * @param outbox      which collections hold embedded outboxes, how often the relay polls and sweeps them
 * @param kafka       partitions and replicas of the topics this service creates
 * @param projections which local projections this service keeps
 */
@ConfigurationProperties("mes")
public record MesProperties(Clock clock, Outbox outbox, Kafka kafka, Projections projections) {

    public MesProperties {
        clock = clock == null ? new Clock(null, null, null, null) : clock;
        outbox = outbox == null ? new Outbox(null, null, null) : outbox;
        kafka = kafka == null ? new Kafka(null, null, null) : kafka;
        projections = projections == null ? new Projections(null) : projections;
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
     * collections for any pending outbox (the safety net behind the hints each write gives the relay).
     */
    public record Outbox(List<String> collections, Long pollMillis, Long sweepMillis) {
        public Outbox {
            collections = collections == null ? List.of() : collections;
            pollMillis = pollMillis == null ? 250L : pollMillis;
            sweepMillis = sweepMillis == null ? 2_000L : sweepMillis;
        }

        public fr.grd.mes.support.outbox.OutboxRelay.Settings relaySettings() {
            return new fr.grd.mes.support.outbox.OutboxRelay.Settings(collections, pollMillis, sweepMillis);
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
}
