package fr.grd.mes.support.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates topics before their first record: the internal ones at start-up, a supplier's flow topics the
 * first time an event is addressed to it (so supplier onboarding needs no manual step). The delivery-point
 * topic is compacted: its latest record per PdL is the referential.
 */
public class TopicProvisioner {
    private final KafkaAdmin admin;
    private final int partitions;
    private final short replicas;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public TopicProvisioner(KafkaAdmin admin, int partitions, short replicas) {
        this.admin = admin;
        this.partitions = partitions;
        this.replicas = replicas;
    }

    public void ensure(String topic) {
        if (known.contains(topic)) {
            return;
        }
        admin.createOrModifyTopics(describe(topic));
        known.add(topic);
    }

    public NewTopic describe(String topic) {
        TopicBuilder builder = TopicBuilder.name(topic).partitions(partitions).replicas(replicas);
        if (fr.grd.mes.events.TopicCatalog.isCompacted(topic)) {
            builder.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        return builder.build();
    }
}
