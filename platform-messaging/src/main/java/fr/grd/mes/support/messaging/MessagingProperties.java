package fr.grd.mes.support.messaging;

import fr.grd.mes.support.outbox.OutboxRelay;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * The messaging settings of a service ({@code mes.outbox.*}, {@code mes.kafka.*}).
 *
 * @param outbox which collections hold embedded outboxes, how often the relay polls and sweeps them
 * @param kafka  partitions and replicas of the topics this service creates, delivery attempts before a dead letter
 */
@ConfigurationProperties("mes")
public record MessagingProperties(Outbox outbox, Kafka kafka) {

    public MessagingProperties {
        outbox = outbox == null ? new Outbox(null, null, null) : outbox;
        kafka = kafka == null ? new Kafka(null, null, null) : kafka;
    }

    /**
     * pollMillis: longest wait between two relay passes; sweepMillis: how often a pass looks through whole
     * collections for any pending outbox (the safety net behind the hints each write gives the relay).
     */
    public record Outbox(List<String> collections, Long pollMillis, Long sweepMillis) {
        public Outbox {
            collections = collections == null ? List.of() : collections;
            pollMillis = pollMillis == null ? 250L : pollMillis;
            sweepMillis = sweepMillis == null ? 30_000L : sweepMillis;
        }

        public OutboxRelay.Settings relaySettings() {
            return new OutboxRelay.Settings(collections, pollMillis, sweepMillis);
        }
    }

    public record Kafka(Integer partitions, Short replicas, Integer maxAttempts) {
        public Kafka {
            partitions = partitions == null ? 3 : partitions;
            replicas = replicas == null ? (short) 1 : replicas;
            maxAttempts = maxAttempts == null ? 4 : maxAttempts;
        }
    }
}
