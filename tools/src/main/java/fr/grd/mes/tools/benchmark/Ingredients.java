package fr.grd.mes.tools.benchmark;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What each ingredient of a case costs alone, on the same broker, store and server stack as the run: one Kafka record
 * produced and consumed with the services' producer settings, one document write, one HTTP round trip. The HTTP
 * ingredient is a bare java.net.http exchange on purpose (not the platform client, which also parses the answer):
 * it measures the server stack, not a client.
 */
final class Ingredients {
    private Ingredients() {
    }

    static double kafkaRecordsPerSecond(String bootstrap, int count) throws Exception {
        String payload = "x".repeat(700);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new StringDeserializer(), new StringDeserializer());
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                     ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true", ProducerConfig.LINGER_MS_CONFIG, "5"),
                     new StringSerializer(), new StringSerializer())) {
            consumer.subscribe(List.of("bench.raw"));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            // the "latest" offsets are resolved now, before the first record is produced, or some would be missed
            consumer.assignment().forEach(consumer::position);
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>("bench.raw", "k" + (i % 64), payload));
            }
            producer.flush();
            int received = 0;
            while (received < count) {
                received += consumer.poll(Duration.ofMillis(200)).count();
            }
            return count / ((System.nanoTime() - start) / 1e9);
        }
    }

    static double documentWritesPerSecond(String uri, String collectionName, int count) {
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> collection = client.getDatabase("bench").getCollection(collectionName);
            String payload = "x".repeat(700);
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                collection.insertOne(new Document("_id", i).append("payload", payload));
            }
            return count / ((System.nanoTime() - start) / 1e9);
        }
    }

    static double httpCallsPerSecond(String url, int count, int concurrency) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                while (next.getAndIncrement() < count) {
                    http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding());
                }
                return null;
            }));
        }
        for (var worker : workers) {
            worker.get();
        }
        pool.shutdown();
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
