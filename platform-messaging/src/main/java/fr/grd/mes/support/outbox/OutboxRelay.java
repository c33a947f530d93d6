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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the events waiting in the embedded outboxes of the given collections, in order per aggregate,
 * with an idempotent producer ({@code acks=all}), then pulls each published one from its outbox. A crash
 * between the two steps republishes the event: consumers recognise it by {@code eventId} (at-least-once
 * publishing, exactly-once effect).
 * <p>
 * Woken right after each write with the aggregate that was written (a hint), it reads just those aggregates by
 * {@code _id}. A sweep of every collection for any non-empty outbox runs at start and every
 * {@code sweepMillis} as the safety net: it finds what another instance or a crashed process left behind.
 * (Sweeping on every pass instead, and pulling per aggregate instead of per pass, were measured slower and
 * removed: {@code docs/benchmark.md}, "Choices measured".)
 */
public class OutboxRelay implements SmartLifecycle {
    /**
     * @param collections the aggregate collections whose outboxes this relay publishes
     * @param pollMillis  how long a pass waits for a write's signal before looking anyway
     * @param sweepMillis how often every collection is swept for outboxes no hint pointed at
     */
    public record Settings(List<String> collections, long pollMillis, long sweepMillis) {
        public Settings {
            collections = List.copyOf(collections);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final TopicProvisioner topics;
    private final List<String> collections;
    private final long pollMillis;
    private final long sweepMillis;
    private final List<OutboxObserver> observers;
    private final Semaphore signal = new Semaphore(0);
    private final Map<String, Set<Object>> hints = new ConcurrentHashMap<>();
    private long lastSweep = Long.MIN_VALUE;
    private final java.util.concurrent.atomic.AtomicLong sweeps = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, TopicProvisioner topics,
                       Settings settings, List<OutboxObserver> observers) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.topics = topics;
        this.collections = List.copyOf(settings.collections());
        this.pollMillis = settings.pollMillis();
        this.sweepMillis = settings.sweepMillis();
        this.observers = List.copyOf(observers);
    }

    /** The aggregate {@code id} of {@code collection} was just written, maybe with new outbox entries. */
    public void wakeUp(String collection, Object id) {
        if (collections.contains(collection)) {
            hints.computeIfAbsent(collection, c -> ConcurrentHashMap.newKeySet()).add(id);
        }
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
                long now = System.nanoTime();
                if (lastSweep == Long.MIN_VALUE || now - lastSweep >= sweepMillis * 1_000_000) {
                    lastSweep = now;
                    while (running && flushOnce() > 0) {
                        // keep draining while there is work
                    }
                    sweeps.incrementAndGet();
                } else {
                    flushHinted();
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

    /** How many sweeps the relay's own loop has completed. */
    public long sweeps() {
        return sweeps.get();
    }

    /** Sweeps: publishes every pending event of every collection once; returns how many were published. */
    public int flushOnce() {
        int published = 0;
        for (String collection : collections) {
            published += publish(Query.query(Criteria.where("outbox.0").exists(true)).limit(BATCH), collection);
        }
        return published;
    }

    /** Publishes the pending events of the aggregates named by hints since the last pass (read by {@code _id}). */
    int flushHinted() {
        int published = 0;
        for (String collection : collections) {
            Set<Object> waiting = hints.get(collection);
            if (waiting == null || waiting.isEmpty()) {
                continue;
            }
            List<Object> ids = new ArrayList<>(BATCH);
            for (var it = waiting.iterator(); it.hasNext() && ids.size() < BATCH; ) {
                ids.add(it.next());
                it.remove();
            }
            try {
                published += publish(Query.query(Criteria.where("_id").in(ids)), collection);
            } catch (RuntimeException e) {
                waiting.addAll(ids);
                throw e;
            }
            if (!waiting.isEmpty()) {
                signal.release();
            }
        }
        return published;
    }

    /**
     * Sends the outboxes of every aggregate the query finds, waits for all acknowledgements at once, then pulls
     * what was sent from all of them in one update (event ids are unique, so pulling the pass's whole set from each
     * aggregate removes exactly its own). A failed send leaves
     * all of them to the next pass.
     */
    @SuppressWarnings("unchecked")
    private int publish(Query pending, String collection) {
        pending.fields().include("_id").include("outbox");
        List<Document> found = mongo.find(pending, Document.class, collection).stream()
                .filter(doc -> doc.get("outbox") instanceof List<?> outbox && !outbox.isEmpty()).toList();
        if (found.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (Document doc : found) {
            for (Document message : (List<Document>) doc.get("outbox", List.class)) {
                sends.add(send(message));
            }
        }
        await(sends);
        List<Object> ids = new ArrayList<>(found.size());
        List<String> eventIds = new ArrayList<>();
        for (Document doc : found) {
            ids.add(doc.get("_id"));
            for (Document message : (List<Document>) doc.get("outbox", List.class)) {
                eventIds.add(message.getString("eventId"));
                observers.forEach(o -> o.published(message.getString("topic"), message.getString("eventType"),
                        message.getString("payload")));
            }
        }
        Update pull = new Update().pull("outbox", new Document("eventId", new Document("$in", eventIds)));
        mongo.updateMulti(Query.query(Criteria.where("_id").in(ids)), pull, collection);
        return eventIds.size();
    }

    /** Sends in order (same key, same partition, idempotent producer keeps the order) without waiting. */
    private CompletableFuture<?> send(Document message) {
        String topic = message.getString("topic");
        topics.ensure(topic);
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, message.getString("key"),
                message.getString("payload"));
        record.headers().add("eventType", message.getString("eventType").getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventId", message.getString("eventId").getBytes(StandardCharsets.UTF_8));
        return kafka.send(record);
    }

    private static void await(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (Exception e) {
            throw new IllegalStateException("publishing failed; the events stay in the outbox", e);
        }
    }
}
