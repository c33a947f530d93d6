package fr.grd.mes.tools.benchmark;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import fr.grd.mes.client.ContractApi.DeliveryPoint;
import fr.grd.mes.client.PlatformClient;
import fr.grd.mes.client.Reply;
import fr.grd.mes.client.RequestApi;
import fr.grd.mes.client.RequestApi.MiseEnService;
import fr.grd.mes.client.RequestApi.Slot;
import fr.grd.mes.events.Topics;
import fr.grd.mes.localstack.ServiceProcess;
import fr.grd.mes.localstack.ServiceStack.Service;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static fr.grd.mes.tools.benchmark.Benchmark.JSON;
import static fr.grd.mes.tools.benchmark.Benchmark.SUPPLIER;
import static fr.grd.mes.tools.benchmark.Benchmark.ZONES;

/**
 * The load: the day's charge table and delivery points put in place, then cases sent as the SGE portal would (open
 * loop at an offered rate, or closed loop with a number in flight), each planned appointment completed by the
 * "technicians" at once, and every case followed on the supplier's own topics until billed. One per variant run: the
 * delivery points are used up across its phases.
 */
final class Load {
    private final PlatformClient client;
    private final Map<Service, ServiceProcess> services;
    private final Infrastructure infrastructure;
    private final ServiceMeters meters;
    private final LocalDate day;
    private final AtomicInteger nextPdl = new AtomicInteger();
    private int pdls;

    Load(PlatformClient client, Map<Service, ServiceProcess> services, Infrastructure infrastructure, ServiceMeters meters,
         LocalDate day) {
        this.client = client;
        this.services = services;
        this.infrastructure = infrastructure;
        this.meters = meters;
        this.day = day;
    }

    /** The charge table of the day in every zone and the PdLs of every case to come, known to every service. */
    void prepare(int concurrency, int count, String mongoUri) throws Exception {
        for (int z = 0; z < ZONES; z++) {
            client.scheduling().setCapacity(zone(z), day, 500, 500).orThrow();
        }
        pdls = count;
        ExecutorService loader = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> loads = new ArrayList<>();
        for (int i = 0; i < pdls; i++) {
            int index = i;
            loads.add(loader.submit(() -> client.contracts().putDeliveryPoint(pdl(index),
                    new DeliveryPoint("1 rue du Banc d'Essai", "75011", "Paris", "75111", zone(index % ZONES), "COUP",
                            "LINKY")).orThrow()));
        }
        for (var load : loads) {
            load.get();
        }
        loader.shutdown();
        try (MongoClient store = MongoClients.create(mongoUri)) {
            for (String db : List.of("mes_request", "mes_scheduling", "mes_billing")) {
                var projection = store.getDatabase(db).getCollection("delivery_points");
                while (projection.countDocuments() < pdls) {
                    Thread.sleep(200);
                }
            }
        }
    }

    private static String pdl(int index) {
        return String.format("098%011d", index);
    }

    private static String zone(int index) {
        return String.format("ZONE-BENCH-%02d", index);
    }

    /**
     * Requests for {@code duration}, each planned appointment completed at once, until every accepted case is
     * billed (or until none was billed for 60 s). With {@code offeredRate} > 0, an open system: one request every 1/rate s whatever
     * happens, latencies from each request's intended send time (a stalled pipeline is not hidden by clients
     * that wait). With 0, the maximum rate as a closed system: each client sends its next request when its
     * previous case is billed, so {@code concurrency} cases are in flight and no backlog builds up that would
     * make the figure a measure of queue length instead of throughput.
     */
    Phase phase(Duration duration, int concurrency, double offeredRate) throws Exception {
        Map<String, Long> accepted = new ConcurrentHashMap<>();
        Map<String, Long> plannedAt = new ConcurrentHashMap<>();
        Map<String, CompletableFuture<Long>> billing = new ConcurrentHashMap<>();
        AtomicBoolean listening = new AtomicBoolean(true);
        BlockingQueue<String> toComplete = new LinkedBlockingQueue<>();
        CountDownLatch observing = new CountDownLatch(1);
        Thread observer = new Thread(() -> observe(plannedAt, billing, toComplete, observing, listening));
        observer.start();
        Thread technician = new Thread(() -> outcomes(toComplete, listening));
        technician.start();
        // the observer's consumer group joins first (seconds on a fresh group): otherwise the first cases of the
        // phase would be seen planned late, and the tail percentiles would measure the join, not the platform
        if (!observing.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the observer got no partition of the supplier's topics in 60 s");
        }
        Sampler sampler = new Sampler(services, infrastructure, meters);
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        AtomicInteger sequence = new AtomicInteger();
        long interval = offeredRate > 0 ? (long) (1e9 / offeredRate) : 0;
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(clients.submit(() -> {
                int i;
                while (System.nanoTime() < end && (i = nextPdl.getAndIncrement()) < pdls) {
                    long due = start + sequence.getAndIncrement() * interval;
                    if (interval > 0) {
                        if (due >= end) {
                            break;
                        }
                        LockSupport.parkNanos(due - System.nanoTime());
                    }
                    long sent = interval > 0 ? due : System.nanoTime();
                    Reply response = client.requests().submit(new MiseEnService(pdl(i), SUPPLIER, "STANDARD",
                            new RequestApi.Client("Bench " + i, "+33 6 00 00 00 00"),
                            new Slot(day, (i / ZONES) % 2 == 0 ? "AM" : "PM"), List.of(), "BENCH-" + i, null));
                    if (response.status() == 201) {
                        String caseId = response.body().get("caseId").asString();
                        accepted.put(caseId, sent);
                        if (interval == 0) {
                            try {
                                billing.computeIfAbsent(caseId, id -> new CompletableFuture<>())
                                        .get(120, TimeUnit.SECONDS);
                            } catch (TimeoutException stuck) {
                                // counted as not completed; this client goes on
                            }
                        }
                    }
                }
                return null;
            }));
        }
        for (var worker : workers) {
            worker.get();
        }
        clients.shutdown();
        if (nextPdl.get() >= pdls) {
            System.out.println("  (this phase ran out of delivery points: raise -Dbenchmark.pdls)");
        }
        // past the knee a backlog is still being worked off: wait for it while it moves (the next phase must not
        // start on it), giving up after 60 s without a case billed
        int billedSoFar = billedOf(accepted, billing);
        long quietUntil = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (billedSoFar < accepted.size() && System.nanoTime() < quietUntil) {
            Thread.sleep(100);
            int now = billedOf(accepted, billing);
            if (now > billedSoFar) {
                billedSoFar = now;
                quietUntil = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            }
        }
        long lastBilled = accepted.keySet().stream().map(id -> billedAt(billing, id)).filter(Objects::nonNull)
                .mapToLong(Long::longValue).max().orElse(System.nanoTime());
        double elapsed = (Math.max(lastBilled, end) - start) / 1e9;
        Usage usage = sampler.stop(elapsed);
        listening.set(false);
        observer.join();
        technician.join();
        Histogram planned = new Histogram(3_600_000, 3);
        Histogram billed = new Histogram(3_600_000, 3);
        accepted.forEach((caseId, sent) -> {
            record(planned, plannedAt.get(caseId), sent);
            record(billed, billedAt(billing, caseId), sent);
        });
        int completed = billedOf(accepted, billing);
        return new Phase(offeredRate, concurrency, accepted.size(), completed, completed / elapsed, planned, billed,
                usage, sampler.samples());
    }


    private static int billedOf(Map<String, Long> accepted,
                                Map<String, CompletableFuture<Long>> billing) {
        return (int) accepted.keySet().stream().filter(id -> billedAt(billing, id) != null).count();
    }

    /** When the case's billing line was seen (nanoTime), or null if not yet. */
    private static Long billedAt(Map<String, CompletableFuture<Long>> billing, String caseId) {
        CompletableFuture<Long> billed = billing.get(caseId);
        return billed != null && billed.isDone() ? billed.join() : null;
    }

    private static void record(Histogram histogram, Long at, long sent) {
        if (at != null) {
            histogram.recordValue(Math.min(3_599_999, Math.max(0, (at - sent) / 1_000_000)));
        }
    }

    /** The supplier's own flows: when each case was planned (tracking with a date) and billed. */
    private void observe(Map<String, Long> plannedAt, Map<String, CompletableFuture<Long>> billing,
                         BlockingQueue<String> toComplete, CountDownLatch observing, AtomicBoolean listening) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrap(), ConsumerConfig.GROUP_ID_CONFIG,
                "bench-observer", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.tracking(SUPPLIER), Topics.billing(SUPPLIER)));
            while (listening.get()) {
                var records = consumer.poll(Duration.ofMillis(50));
                if (!consumer.assignment().isEmpty()) {
                    observing.countDown();
                }
                for (ConsumerRecord<String, String> record : records) {
                    long now = System.nanoTime();
                    if (record.topic().endsWith(".tracking")) {
                        JsonNode payload = JSON.readTree(record.value()).get("payload");
                        if (payload.has("appointmentDate")) {
                            if (plannedAt.putIfAbsent(record.key(), now) == null) {
                                toComplete.add(record.key());
                            }
                        }
                    } else {
                        billing.computeIfAbsent(record.key(), id -> new CompletableFuture<>())
                                .complete(now);
                    }
                }
            }
        }
    }

    /** The technicians: each planned appointment is completed as soon as it is planned (same day). */
    private void outcomes(BlockingQueue<String> toComplete, AtomicBoolean listening) {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            while (listening.get()) {
                String caseId = toComplete.poll(50, TimeUnit.MILLISECONDS);
                if (caseId != null) {
                    pool.submit(() -> client.scheduling().completed(caseId + "-R1", 7));
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } finally {
            pool.shutdownNow();
        }
    }
}
