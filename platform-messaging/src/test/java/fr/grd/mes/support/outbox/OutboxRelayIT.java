package fr.grd.mes.support.outbox;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.grd.mes.support.aggregate.OutboxMessage;
import fr.grd.mes.support.kafka.TopicProvisioner;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay on a real broker and the MongoDB-wire store: a write's hint gets its events out without waiting for a
 * sweep, and the sweep still finds what was written without a hint (another instance, a process that died before
 * it could signal), in order per aggregate, and leaves the outboxes empty.
 */
class OutboxRelayIT {
    private static final String COLLECTION = "aggregates";
    private static EmbeddedKafkaKraftBroker kafka;
    private static MongoServer store;
    private static MongoTemplate mongo;
    private static KafkaTemplate<String, String> template;
    private static TopicProvisioner topics;
    /** The names of the driver commands sent to the store, in order. */
    private static final List<String> commands = java.util.Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void start() {
        kafka = new EmbeddedKafkaKraftBroker(1, 1);
        kafka.afterPropertiesSet();
        store = new MongoServer(new MemoryBackend());
        mongo = new MongoTemplate(com.mongodb.client.MongoClients.create(com.mongodb.MongoClientSettings.builder()
                .applyConnectionString(new com.mongodb.ConnectionString("mongodb://localhost:" + store.bind().getPort()))
                .addCommandListener(new com.mongodb.event.CommandListener() {
                    @Override
                    public void commandStarted(com.mongodb.event.CommandStartedEvent event) {
                        commands.add(event.getCommandName());
                    }
                }).build()), "relay");
        template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new StringSerializer()));
        KafkaAdmin admin = new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString()));
        topics = new TopicProvisioner(admin, 1, (short) 1);
    }

    @AfterAll
    static void stop() {
        template.destroy();
        store.shutdownNow();
        kafka.destroy();
    }

    @Test
    void aHintedWritePublishesAtOnceAndTheSweepFindsUnhintedOutboxes() {
        String topic = "relay.test." + UUID.randomUUID();
        // an hour between sweeps: after the first (start-up) sweep, only hints can get events out quickly
        OutboxRelay relay = relay();
        relay.start();
        try (KafkaConsumer<String, String> consumer = consumer(topic)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> relay.sweeps() >= 1);
            mongo.insert(aggregate("A-1", topic, "a1-e1", "a1-e2"), COLLECTION);
            relay.wakeUp(COLLECTION, "A-1");
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            awaitRecords(consumer, seen, 2);
            assertThat(seen).extracting(ConsumerRecord::value).containsExactly("a1-e1", "a1-e2");
            await().atMost(Duration.ofSeconds(10)).until(() -> outboxOf("A-1").isEmpty());

            // written by someone else: no hint reaches this relay; a sweep (as at the next sweep time) publishes it
            mongo.insert(aggregate("B-1", topic, "b1-e1"), COLLECTION);
            assertThat(relay.flushOnce()).isEqualTo(1);
            awaitRecords(consumer, seen, 3);
            assertThat(seen.get(2).value()).isEqualTo("b1-e1");
            assertThat(outboxOf("B-1")).isEmpty();
        } finally {
            relay.stop();
        }
    }

    @Test
    void onePassPublishesEveryPendingAggregateAndEmptiesEachOutbox() {
        String topic = "relay.test." + UUID.randomUUID();
        OutboxRelay relay = relay();
        try (KafkaConsumer<String, String> consumer = consumer(topic)) {
            mongo.insert(aggregate("D-1", topic, "d1-e1", "d1-e2"), COLLECTION);
            mongo.insert(aggregate("D-2", topic, "d2-e1"), COLLECTION);
            mongo.insert(aggregate("D-3", topic, "d3-e1"), COLLECTION);
            // one sweep pass reads the three, sends four records and pulls them with one update
            assertThat(relay.flushOnce()).isEqualTo(4);
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            awaitRecords(consumer, seen, 4);
            assertThat(seen).extracting(ConsumerRecord::value).containsExactlyInAnyOrder("d1-e1", "d1-e2", "d2-e1", "d3-e1");
            assertThat(seen).extracting(ConsumerRecord::value).containsSubsequence("d1-e1", "d1-e2");
            assertThat(List.of("D-1", "D-2", "D-3")).allSatisfy(id -> assertThat(outboxOf(id)).isEmpty());
            assertThat(relay.flushOnce()).as("nothing left to publish twice").isZero();
        }
    }

    @Test
    void aWriteThatSaysWhatItStoredIsRelayedWithoutReadingItBackAndAnEventIsSentOnce() {
        String topic = "relay.test." + UUID.randomUUID();
        OutboxRelay relay = relay();
        try (KafkaConsumer<String, String> consumer = consumer(topic)) {
            Document stored = aggregate("H-1", topic, "h1-e1", "h1-e2");
            mongo.insert(stored, COLLECTION);
            List<OutboxMessage> outbox = messages(stored);
            commands.clear();
            relay.written(COLLECTION, "H-1", 0, outbox.subList(0, 1));
            relay.written(COLLECTION, "H-1", 1, outbox);
            relay.written(COLLECTION, "H-1", 0, outbox.subList(0, 1));
            // of the three hints, the newest version's outbox holds both events
            assertThat(relay.flushHinted()).isEqualTo(2);
            assertThat(commands).as("sent from the hint: the pass only pulls").containsExactly("update");
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            awaitRecords(consumer, seen, 2);
            assertThat(seen).extracting(ConsumerRecord::value).containsExactly("h1-e1", "h1-e2");
            assertThat(outboxOf("H-1")).isEmpty();

            // a writer that read the aggregate before that pull stores h1-e1 again beside its own h1-e3
            Document later = aggregate("H-1", topic, "h1-e3");
            List<OutboxMessage> rewritten = List.of(outbox.get(0), messages(later).get(0));
            mongo.replace(Query.query(Criteria.where("_id").is("H-1")), new Document("_id", "H-1").append("version", 2)
                    .append("outbox", List.of(((List<?>) stored.get("outbox")).get(0), ((List<?>) later.get("outbox")).get(0))),
                    COLLECTION);
            relay.written(COLLECTION, "H-1", 2, rewritten);
            assertThat(relay.flushHinted()).as("h1-e1 was published already: only h1-e3 is sent").isEqualTo(1);
            awaitRecords(consumer, seen, 3);
            assertThat(seen).extracting(ConsumerRecord::value).containsExactly("h1-e1", "h1-e2", "h1-e3");
            assertThat(outboxOf("H-1")).as("both pulled").isEmpty();
        }
    }

    private static List<OutboxMessage> messages(Document aggregate) {
        return aggregate.getList("outbox", Document.class).stream().map(m -> new OutboxMessage(m.getString("eventId"),
                m.getString("topic"), m.getString("key"), m.getString("eventType"), m.getString("payload"),
                Instant.now())).toList();
    }

    /** A relay over the test collection: a pass at least every 20 ms, an hour between sweeps. */
    private static OutboxRelay relay() {
        return new OutboxRelay(mongo, template, topics,
                new OutboxRelay.Settings(List.of(COLLECTION), 20L, 3_600_000L), List.of());
    }

    /** Polls into {@code seen} until it holds at least {@code count} records. */
    private static void awaitRecords(KafkaConsumer<String, String> consumer, List<ConsumerRecord<String, String>> seen,
                                     int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
            return seen.size() >= count;
        });
    }

    private static KafkaConsumer<String, String> consumer(String topic) {
        topics.ensure(topic);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "relay-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private static Document aggregate(String id, String topic, String... payloads) {
        List<Document> outbox = new ArrayList<>();
        for (String payload : payloads) {
            outbox.add(new Document("eventId", UUID.randomUUID().toString()).append("topic", topic).append("key", id)
                    .append("eventType", "TestEvent").append("payload", payload).append("occurredAt", Instant.now()));
        }
        return new Document("_id", id).append("version", 0).append("outbox", outbox);
    }

    private static List<?> outboxOf(String id) {
        Document doc = mongo.findById(id, Document.class, COLLECTION);
        return doc == null ? List.of() : doc.getList("outbox", Object.class);
    }
}
