package fr.grd.mes.testsupport;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.grd.mes.events.EventEnvelope;
import fr.grd.mes.support.json.EventJson;
import fr.grd.mes.support.time.ControllableClock;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;

/**
 * One service alone, for its component tests: a real KRaft broker (spring-kafka-test's embedded one), a real
 * MongoDB-wire store (mongo-java-server), the service's own Spring Boot application on a random port, on a
 * controllable clock, trusting a throw-away issuer. Events go in as the other services would publish them
 * ({@link #publish}), HTTP calls with {@link Http}; what the service publishes is read back from the broker
 * ({@link #events}), its state from its own database ({@link #database}) and API.
 */
public final class ComponentStack implements AutoCloseable {
    /** Tuesday 1 December 2026, 08:00 in Paris. */
    public static final Instant START = Instant.parse("2026-12-01T07:00:00Z");

    public final ControllableClock clock = ControllableClock.fixed(START);
    public final TestTokens tokens = TestTokens.create();
    private final EmbeddedKafkaKraftBroker kafka;
    private final MongoServer store;
    private final MongoClient mongo;
    private final ConfigurableApplicationContext service;
    private final KafkaProducer<String, String> producer;
    private final EventJson json = new EventJson();
    private final String database;

    private ComponentStack(Supplier<SpringApplicationBuilder> application, String database, List<String> args) {
        this.database = database;
        // waits look at once, then every 20 ms (Awaitility's default: first look after 100 ms, then every 100 ms)
        org.awaitility.Awaitility.setDefaultPollDelay(java.time.Duration.ZERO);
        org.awaitility.Awaitility.setDefaultPollInterval(java.time.Duration.ofMillis(20));
        kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.brokerProperties(Map.of("group.initial.rebalance.delay.ms", "0", "auto.create.topics.enable", "false"));
        kafka.afterPropertiesSet();
        store = new MongoServer(new MemoryBackend());
        InetSocketAddress address = store.bind();
        String mongoUri = "mongodb://localhost:" + address.getPort();
        mongo = MongoClients.create(mongoUri);
        List<String> all = new ArrayList<>(List.of("--server.port=0",
                "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(), "--spring.mongodb.uri=" + mongoUri,
                "--spring.profiles.include=embedded-store", "--mes.clock.control=true", tokens.serviceArgument(),
                "--mes.scheduler.period=PT0.2S", "--mes.metrics.period=PT1S", "--mes.outbox.poll-millis=50",
                "--logging.level.org.apache.kafka=WARN", "--logging.level.org.springframework.kafka=WARN"));
        all.addAll(args);
        service = application.get().initializers(ctx -> ctx.getBeanFactory().registerSingleton("clock", clock))
                .logStartupInfo(false).run(all.toArray(String[]::new));
        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString());
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producer = new KafkaProducer<>(producerConfig);
        Http.defaultToken(tokens.distributor());
    }

    /**
     * Starts {@code application} (its {@code builder()}), whose data lives in {@code database}, with
     * {@code args} added to the component settings.
     */
    public static ComponentStack start(Supplier<SpringApplicationBuilder> application, String database,
                                       String... args) {
        return new ComponentStack(application, database, List.of(args));
    }

    public String url() {
        return "http://localhost:" + service.getEnvironment().getProperty("local.server.port");
    }

    public com.mongodb.client.MongoDatabase database() {
        return mongo.getDatabase(database);
    }

    public String kafkaBootstrap() {
        return kafka.getBrokersAsString();
    }

    /** Publishes {@code payload} on {@code topic} as the service that owns the topic would (envelope and headers). */
    public EventEnvelope<Object> publish(String topic, String key, String eventType, Object payload) {
        EventEnvelope<Object> envelope = new EventEnvelope<>(UUID.randomUUID(), eventType,
                fr.grd.mes.events.EventTypes.schemaVersionOf(eventType), clock.instant(), key, key, null, payload);
        publish(topic, key, envelope);
        return envelope;
    }

    /** Publishes an envelope as it is (a redelivery, say). */
    public void publish(String topic, String key, EventEnvelope<Object> envelope) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json.write(envelope));
        record.headers().add("eventType", envelope.eventType().getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventId", envelope.eventId().toString().getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish on " + topic, e);
        }
    }

    /**
     * Waits until {@code topic} holds at least {@code count} distinct events with key {@code key} and returns all of
     * them, in the order of the partition (one key, one partition). Publishing is at least once (a relay pass can
     * send an event again before it is pulled from the outbox), so a repeated event id counts once, as it does for
     * every consumer.
     */
    public List<EventEnvelope<Object>> events(String topic, String key, int count) {
        List<EventEnvelope<Object>> distinct = new ArrayList<>();
        java.util.Set<UUID> seen = new java.util.HashSet<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            distinct.clear();
            seen.clear();
            for (String value : records(topic, key, count)) {
                EventEnvelope<Object> envelope = json.read(value);
                if (seen.add(envelope.eventId())) {
                    distinct.add(envelope);
                }
            }
            return distinct.size() >= count;
        });
        return distinct;
    }

    /** As {@link #events}, the records' values as they are (a dead letter's unreadable payload, say). */
    public List<String> records(String topic, String key, int count) {
        List<String> seen = new ArrayList<>();
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "component-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        seen.add(record.value());
                    }
                }
                return seen.size() >= count;
            });
        }
        return seen;
    }

    /**
     * Waits until the consumer group {@code group} has committed, on every partition of {@code topic}, the offset
     * after the last record there: the service has handled (and stored the effect of) everything published so far.
     * This is how a test tells that a redelivered or refused record changed nothing, without sleeping.
     */
    public void awaitConsumed(String group, String topic) {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                Map.of(org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.getBrokersAsString()))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                        .stream().map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
                var ends = admin.listOffsets(partitions.stream().collect(java.util.stream.Collectors.toMap(
                        p -> p, p -> org.apache.kafka.clients.admin.OffsetSpec.latest()))).all().get();
                var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                return partitions.stream().allMatch(p -> ends.get(p).offset() == 0
                        || committed.get(p) != null && committed.get(p).offset() >= ends.get(p).offset());
            });
        }
    }

    /** The event types of {@link #events}, in order. */
    public List<String> eventTypes(String topic, String key, int count) {
        return events(topic, key, count).stream().map(EventEnvelope::eventType).toList();
    }

    @Override
    public void close() {
        producer.close();
        service.close();
        mongo.close();
        store.shutdownNow();
        kafka.destroy();
    }
}
