package fr.grd.mes.support.outbox;

import fr.grd.mes.support.kafka.TopicProvisioner;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the events waiting in the embedded outboxes of the given collections, in order per aggregate,
 * with an idempotent producer ({@code acks=all}), then pulls each published one from its outbox. A crash
 * between the two steps republishes the event: consumers recognise it by {@code eventId} (at-least-once
 * publishing, exactly-once effect). Woken right after each write, and polls as a safety net.
 */
public class OutboxRelay implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final TopicProvisioner topics;
    private final List<String> collections;
    private final long pollMillis;
    private final List<OutboxObserver> observers;
    private final Semaphore signal = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, TopicProvisioner topics,
                       List<String> collections, long pollMillis, List<OutboxObserver> observers) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.topics = topics;
        this.collections = List.copyOf(collections);
        this.pollMillis = pollMillis;
        this.observers = List.copyOf(observers);
    }

    public void wakeUp() {
        signal.release();
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::loop, "outbox-relay-" + String.join("-", collections));
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        signal.release();
        if (worker != null) {
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the Kafka listeners (which stop at the default phase) and before the producer goes. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private void loop() {
        while (running) {
            try {
                signal.tryAcquire(pollMillis, TimeUnit.MILLISECONDS);
                signal.drainPermits();
                while (running && flushOnce() > 0) {
                    // keep draining while there is work
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("outbox relay pass failed, will retry: {}", e.toString());
                try {
                    Thread.sleep(pollMillis);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Publishes every pending event once; returns how many were published. Visible for tests. */
    public int flushOnce() {
        int published = 0;
        for (String collection : collections) {
            Query pending = Query.query(Criteria.where("outbox.0").exists(true)).limit(BATCH);
            pending.fields().include("_id").include("outbox");
            for (Document doc : mongo.find(pending, Document.class, collection)) {
                Object id = doc.get("_id");
                @SuppressWarnings("unchecked")
                List<Document> outbox = (List<Document>) doc.get("outbox", List.class);
                List<java.util.concurrent.CompletableFuture<?>> sends = new java.util.ArrayList<>();
                for (Document message : outbox) {
                    sends.add(send(message));
                }
                await(sends);
                outbox.forEach(message -> observers.forEach(o -> o.published(message.getString("topic"),
                        message.getString("eventType"), message.getString("payload"))));
                // one update removes everything this pass published from the aggregate's outbox
                mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().pull("outbox",
                        new Document("eventId", new Document("$in", outbox.stream()
                                .map(m -> m.getString("eventId")).toList()))), collection);
                published += outbox.size();
            }
        }
        return published;
    }

    /** Sends in order (same key, same partition, idempotent producer keeps the order) without waiting. */
    private java.util.concurrent.CompletableFuture<?> send(Document message) {
        String topic = message.getString("topic");
        topics.ensure(topic);
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, message.getString("key"),
                message.getString("payload"));
        record.headers().add("eventType", message.getString("eventType").getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventId", message.getString("eventId").getBytes(StandardCharsets.UTF_8));
        return kafka.send(record);
    }

    private static void await(List<java.util.concurrent.CompletableFuture<?>> sends) {
        try {
            java.util.concurrent.CompletableFuture.allOf(sends.toArray(java.util.concurrent.CompletableFuture[]::new))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (Exception e) {
            throw new IllegalStateException("publishing failed; the events stay in the outbox", e);
        }
    }
}
