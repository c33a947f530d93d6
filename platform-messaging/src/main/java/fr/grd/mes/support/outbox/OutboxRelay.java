package fr.grd.mes.support.outbox;

import fr.grd.mes.support.aggregate.OutboxMessage;
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
    /** Per collection, the aggregates written since the last pass and what each write left in its outbox. */
    private final Map<String, Map<Object, Written>> hints = new ConcurrentHashMap<>();
    /** Event ids this relay has published and pulled, newest last: a later hint's copy of one is not sent again. */
    private final Set<String> published = java.util.Collections.newSetFromMap(new java.util.LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > PUBLISHED_REMEMBERED;
        }
    });
    private static final int PUBLISHED_REMEMBERED = 20_000;
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

    /**
     * What one write of an aggregate stored: its version and its whole outbox as written (the events still
     * waiting, in order); {@code outbox} null when the writer does not know it, and the relay reads it back.
     */
    private record Written(long version, List<OutboxMessage> outbox) {
        static final Written UNKNOWN = new Written(Long.MAX_VALUE, null);

        Written newer(Written other) {
            return other.version >= version ? other : this;
        }
    }

    /** The aggregate {@code id} of {@code collection} was written by someone who did not say what it stored. */
    public void wakeUp(String collection, Object id) {
        hint(collection, id, Written.UNKNOWN);
    }

    /**
     * The aggregate {@code id} of {@code collection} was just stored at {@code version} with this outbox (the
     * events waiting, in order): the relay sends them from here without reading the aggregate back. Of several
     * writes of one aggregate before a pass, the newest version's outbox holds every event still waiting.
     */
    public void written(String collection, Object id, long version, List<OutboxMessage> outbox) {
        if (!outbox.isEmpty()) {
            hint(collection, id, new Written(version, List.copyOf(outbox)));
        }
    }

    private void hint(String collection, Object id, Written written) {
        if (collections.contains(collection)) {
            hints.computeIfAbsent(collection, c -> new ConcurrentHashMap<>()).merge(id, written, Written::newer);
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
            published += publish(read(Query.query(Criteria.where("outbox.0").exists(true)).limit(BATCH), collection),
                    collection);
        }
        return published;
    }

    /**
     * Publishes the pending events of the aggregates named by hints since the last pass: from the outbox each
     * write said it stored, or read by {@code _id} where a writer did not say.
     */
    int flushHinted() {
        int published = 0;
        for (String collection : collections) {
            Map<Object, Written> waiting = hints.get(collection);
            if (waiting == null || waiting.isEmpty()) {
                continue;
            }
            Map<Object, Written> taken = new java.util.LinkedHashMap<>();
            for (var it = waiting.keySet().iterator(); it.hasNext() && taken.size() < BATCH; ) {
                Object id = it.next();
                Written written = waiting.remove(id);
                if (written != null) {
                    taken.put(id, written);
                }
            }
            try {
                List<Object> unknown = new ArrayList<>();
                Map<Object, List<OutboxMessage>> outboxes = new java.util.LinkedHashMap<>();
                taken.forEach((id, written) -> {
                    if (written.outbox() == null) {
                        unknown.add(id);
                    } else {
                        outboxes.put(id, written.outbox());
                    }
                });
                if (!unknown.isEmpty()) {
                    outboxes.putAll(read(Query.query(Criteria.where("_id").in(unknown)), collection));
                }
                published += publish(outboxes, collection);
            } catch (RuntimeException e) {
                taken.forEach((id, written) -> waiting.merge(id, written, Written::newer));
                throw e;
            }
            if (!waiting.isEmpty()) {
                signal.release();
            }
        }
        return published;
    }

    /** The non-empty outboxes of the aggregates the query finds, by {@code _id}. */
    private Map<Object, List<OutboxMessage>> read(Query pending, String collection) {
        pending.fields().include("_id").include("outbox");
        Map<Object, List<OutboxMessage>> outboxes = new java.util.LinkedHashMap<>();
        for (Document doc : mongo.find(pending, Document.class, collection)) {
            if (doc.get("outbox") instanceof List<?> outbox && !outbox.isEmpty()) {
                outboxes.put(doc.get("_id"), outbox.stream().map(Document.class::cast).map(OutboxRelay::message).toList());
            }
        }
        return outboxes;
    }

    private static OutboxMessage message(Document stored) {
        Object created = stored.get("createdAt");
        return new OutboxMessage(stored.getString("eventId"), stored.getString("topic"), stored.getString("key"),
                stored.getString("eventType"), stored.getString("payload"),
                created instanceof java.util.Date date ? date.toInstant() : null);
    }

    /**
     * Sends these outboxes (all of them, waiting once for every acknowledgement), then pulls what was sent from all
     * of them in one update (event ids are unique, so pulling the pass's whole set from each aggregate removes
     * exactly its own). An event this relay already published and pulled (a later write's copy of an outbox it had
     * read before the pull) is pulled again, not sent again. A failed send leaves all of them to the next pass.
     */
    private int publish(Map<Object, List<OutboxMessage>> outboxes, String collection) {
        if (outboxes.isEmpty()) {
            return 0;
        }
        List<OutboxMessage> sending = new ArrayList<>();
        List<String> eventIds = new ArrayList<>();
        synchronized (published) {
            outboxes.values().forEach(outbox -> outbox.forEach(message -> {
                eventIds.add(message.eventId());
                if (!published.contains(message.eventId())) {
                    sending.add(message);
                }
            }));
        }
        await(sending.stream().map(this::send).toList());
        sending.forEach(message -> observers.forEach(o -> o.published(message.topic(), message.eventType(),
                message.payload())));
        Update pull = new Update().pull("outbox", new Document("eventId", new Document("$in", eventIds)));
        mongo.updateMulti(Query.query(Criteria.where("_id").in(new ArrayList<>(outboxes.keySet()))), pull, collection);
        synchronized (published) {
            published.addAll(eventIds);
        }
        return sending.size();
    }

    /** Sends in order (same key, same partition, idempotent producer keeps the order) without waiting. */
    private CompletableFuture<?> send(OutboxMessage message) {
        String topic = message.topic();
        topics.ensure(topic);
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, message.key(), message.payload());
        record.headers().add("eventType", message.eventType().getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventId", message.eventId().getBytes(StandardCharsets.UTF_8));
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
