package fr.grd.mes.localstack;

import fr.grd.mes.testsupport.Http;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** Reads a supplier's flow topics as a supplier would: a plain Kafka consumer on its own topics. */
public final class SupplierFlows implements AutoCloseable {
    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> records = new ArrayList<>();

    public SupplierFlows(String bootstrap, String supplierId) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + supplierId + "-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, "500"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(Pattern.compile(Pattern.quote("supplier." + supplierId + ".") + ".*"));
    }

    /** Polls what arrived since the last call and returns every record read so far. */
    public synchronized List<ConsumerRecord<String, String>> poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return List.copyOf(records);
    }

    /** Payloads of the records of {@code topic} keyed {@code key}, in order. */
    public List<JsonNode> payloads(String topic, String key) {
        return poll().stream().filter(r -> r.topic().equals(topic) && key.equals(r.key()))
                .map(r -> Http.JSON.readTree(r.value()).get("payload")).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
