package fr.grd.mes.localstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.grd.mes.events.Topics;
import fr.grd.mes.localstack.ServiceStack.Service;
import fr.grd.mes.support.time.BusinessCalendar;
import fr.grd.mes.support.time.ControllableClock;
import io.micrometer.core.instrument.MeterRegistry;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The pipeline against its ingredients, in one run on one machine: what one Kafka record (produce → consume,
 * same broker and settings), one document write (same store) and one HTTP round trip (same server stack) cost
 * alone, the counts per case of each (counted from the services' own meters, not guessed), the two bounds they
 * give (Kafka-only, and all ingredients without business logic), and the full cases/s achieved with latency
 * percentiles from "request accepted" to "intervention planned" and to "billing line published".
 * Two phases of the same length: first a fixed offered rate ({@code -Dbenchmark.rate}, cases/s, default 5; latencies
 * from each request's intended send time, so a stalled pipeline is not hidden by clients that wait), then the
 * maximum rate the clients reach. {@code ./benchmark.sh [seconds] [concurrency]}.
 */
public final class Benchmark {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        Path dir = Files.createTempDirectory("mes-benchmark");
        KafkaBrokerProcess broker = new KafkaBrokerProcess(dir.resolve("kafka"), 19092, 19093).start(Duration.ofSeconds(90));
        MongoServer mongoServer = new MongoServer(new MemoryBackend());
        InetSocketAddress mongoAddress = mongoServer.bind();
        String mongoUri = "mongodb://localhost:" + mongoAddress.getPort();
        LocalDate today = new BusinessCalendar().nextBusinessDayOnOrAfter(LocalDate.now(PARIS).plusDays(1));
        ControllableClock clock = ControllableClock.fixed(today.atTime(7, 0).atZone(PARIS).toInstant());
        DevJwt issuer = DevJwt.loadOrCreate(dir.resolve("jwt"));
        LocalStack.createTopics(broker.bootstrap(), List.of("FOURN-BENCH"), "bench.raw");
        ServiceStack stack = new ServiceStack(broker.bootstrap(), mongoUri, clock, Map.of(), List.of(
                issuer.serviceArgument(), "--mes.outbox.poll-millis=50", "--logging.level.root=WARN",
                "--mes.limits.distributor-requests-per-second=1000000")).startAll();
        try {
            Map<String, Object> figures = new LinkedHashMap<>();
            double kafkaRate = kafkaRecordsPerSecond(broker.bootstrap(), 50_000);
            double writeRate = documentWritesPerSecond(mongoUri, 5_000);
            double httpRate = httpCallsPerSecond(stack.url(Service.BILLING) + "/actuator/health/liveness", 5_000, concurrency);
            Pipeline pipeline = new Pipeline(stack, issuer.distributorToken(), today, broker.bootstrap());
            pipeline.prepare(concurrency);
            double offered = Double.parseDouble(System.getProperty("benchmark.rate", "5"));
            Pipeline.Outcome fixed = pipeline.run(Duration.ofSeconds(seconds), concurrency, offered);
            Pipeline.Outcome outcome = pipeline.run(Duration.ofSeconds(seconds), concurrency, 0);
            double recordsPerCase = (sum(stack, "mes.events.published") - pipeline.recordsBefore) / outcome.completed();
            double writesPerCase = (mongoWrites(stack) - pipeline.writesBefore) / outcome.completed();
            double httpPerCase = 2.0;
            double kafkaBound = kafkaRate / recordsPerCase;
            double compositeBound = 1.0 / (recordsPerCase / kafkaRate + writesPerCase / writeRate + httpPerCase / httpRate);
            figures.put("Kafka produce→consume (records/s, same broker, acks=all)", kafkaRate);
            figures.put("document writes (writes/s, same store)", writeRate);
            figures.put("HTTP round trips (calls/s, same server stack, " + concurrency + " clients)", httpRate);
            figures.put("records per case (counted)", recordsPerCase);
            figures.put("document writes per case (counted)", writesPerCase);
            figures.put("HTTP calls per case", httpPerCase);
            figures.put("Kafka-only bound (cases/s)", kafkaBound);
            figures.put("composite bound (cases/s)", compositeBound);
            figures.put("fixed offered rate: offered / achieved (cases/s, " + seconds + " s)",
                    String.format("%.2f / %.2f", offered, fixed.casesPerSecond()));
            figures.put("fixed offered rate: p50 / p99 / p99.9 accepted → intervention planned (ms)", fixed.planned());
            figures.put("fixed offered rate: p50 / p99 / p99.9 accepted → billing line published (ms)", fixed.billed());
            figures.put("fixed offered rate: process CPU load", fixed.cpuLoad());
            figures.put("maximum rate: achieved (cases/s, " + seconds + " s, " + concurrency + " clients)",
                    outcome.casesPerSecond());
            figures.put("achieved / composite bound", outcome.casesPerSecond() / compositeBound);
            figures.put("achieved / Kafka-only bound", outcome.casesPerSecond() / kafkaBound);
            figures.put("maximum rate: p50 / p99 / p99.9 accepted → intervention planned (ms)", outcome.planned());
            figures.put("maximum rate: p50 / p99 / p99.9 accepted → billing line published (ms)", outcome.billed());
            figures.put("heap used after the run (MiB, the four services share this JVM)",
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024.0 / 1024.0);
            figures.put("maximum rate: process CPU load", outcome.cpuLoad());
            System.out.println("\n==== Benchmark (2-core machine, embedded stack, " + Instant.now() + ") ====");
            figures.forEach((name, value) -> System.out.printf("  %-72s %s%n", name,
                    value instanceof Double d ? String.format("%,.2f", d) : value));
            chart(Path.of(System.getProperty("benchmark.chart", "docs/benchmark.png")), kafkaBound, compositeBound,
                    outcome.casesPerSecond());
        } finally {
            stack.close();
            broker.close();
            mongoServer.shutdownNow();
        }
        System.exit(0);
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

    static double documentWritesPerSecond(String uri, int count) {
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> collection = client.getDatabase("bench").getCollection("writes");
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
        List<java.util.concurrent.Future<?>> workers = new ArrayList<>();
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

    static double sum(ServiceStack stack, String meter) {
        double total = 0;
        for (Service service : Service.values()) {
            MeterRegistry registry = stack.context(service).getBean(MeterRegistry.class);
            total += registry.find(meter).counters().stream().mapToDouble(c -> c.count()).sum();
        }
        return total;
    }

    /** Inserts, updates, find-and-modify and deletes the services sent, from the driver's own command meters. */
    static double mongoWrites(ServiceStack stack) {
        double total = 0;
        for (Service service : Service.values()) {
            MeterRegistry registry = stack.context(service).getBean(MeterRegistry.class);
            total += registry.find("mongodb.driver.commands").timers().stream()
                    .filter(t -> List.of("insert", "update", "findAndModify", "delete").contains(t.getId().getTag("command")))
                    .mapToDouble(t -> t.count()).sum();
        }
        return total;
    }

    static void chart(Path file, double kafkaBound, double compositeBound, double achieved) throws Exception {
        Files.createDirectories(file.toAbsolutePath().getParent());
        BufferedImage image = new BufferedImage(640, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 640, 300);
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString("Cases per second: achieved vs bounds (same run)", 20, 25);
        double max = Math.max(kafkaBound, Math.max(compositeBound, achieved));
        String[] labels = {"Kafka-only bound", "composite bound", "achieved"};
        double[] values = {kafkaBound, compositeBound, achieved};
        Color[] colors = {new Color(0x4C78A8), new Color(0xF58518), new Color(0x54A24B)};
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int i = 0; i < 3; i++) {
            int width = (int) (420 * values[i] / max);
            g.setColor(colors[i]);
            g.fillRect(170, 60 + i * 70, Math.max(width, 1), 40);
            g.setColor(Color.DARK_GRAY);
            g.drawString(labels[i], 20, 85 + i * 70);
            g.drawString(String.format("%,.0f", values[i]), 175 + width, 85 + i * 70);
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    /** Drives full cases and times them from the supplier's own flows. */
    static final class Pipeline {
        record Outcome(int completed, double casesPerSecond, String planned, String billed, String cpuLoad) {
        }

        private final ServiceStack stack;
        private final String token;
        private final LocalDate day;
        private final String bootstrap;
        private final HttpClient http = HttpClient.newHttpClient();
        double recordsBefore;
        double writesBefore;

        Pipeline(ServiceStack stack, String token, LocalDate day, String bootstrap) {
            this.stack = stack;
            this.token = token;
            this.day = day;
            this.bootstrap = bootstrap;
        }

        private int pdls;
        private final AtomicInteger next = new AtomicInteger();

        /** The charge table for 20 business days and the PdLs of every case to come, projected by every service. */
        void prepare(int concurrency) throws Exception {
            put(Service.SCHEDULING, "/api/v1/capacity/ZONE-BENCH/" + day, Map.of("am", 500, "pm", 500));
            for (int d = 1; d <= 20; d++) {
                LocalDate next = new BusinessCalendar().addBusinessDays(day, d);
                put(Service.SCHEDULING, "/api/v1/capacity/ZONE-BENCH/" + next, Map.of("am", 500, "pm", 500));
            }
            pdls = Integer.getInteger("benchmark.pdls", 8_000);
            ExecutorService loader = Executors.newFixedThreadPool(concurrency);
            List<java.util.concurrent.Future<?>> loads = new ArrayList<>();
            for (int i = 0; i < pdls; i++) {
                String pdl = String.format("098%011d", i);
                loads.add(loader.submit(() -> put(Service.CONTRACT, "/api/v1/delivery-points/" + pdl, Map.of(
                        "street", "1 rue du Banc d'Essai", "postalCode", "75011", "city", "Paris", "inseeCode", "75111",
                        "zone", "ZONE-BENCH", "supplyState", "COUP", "meterType", "LINKY"))));
            }
            for (var load : loads) {
                load.get();
            }
            loader.shutdown();
            var projection = stack.context(Service.REQUEST)
                    .getBean(org.springframework.data.mongodb.core.MongoTemplate.class).getCollection("delivery_points");
            while (projection.countDocuments() < pdls) {
                Thread.sleep(200);
            }
            for (Service service : Service.values()) {
                var points = stack.context(service).getBean(org.springframework.data.mongodb.core.MongoTemplate.class);
                while (service != Service.CONTRACT && points.getCollection("delivery_points").countDocuments() < pdls) {
                    Thread.sleep(200);
                }
            }
        }

        /**
         * One phase: requests for {@code duration} at {@code offeredRate} cases/s (0: as fast as the clients go), each
         * planned appointment completed at once, until every accepted case is billed (or 60 s more).
         */
        Outcome run(Duration duration, int concurrency, double offeredRate) throws Exception {
            recordsBefore = sum(stack, "mes.events.published");
            writesBefore = mongoWrites(stack);
            Map<String, Long> accepted = new ConcurrentHashMap<>();
            Histogram planned = new Histogram(60_000, 3);
            Histogram billed = new Histogram(60_000, 3);
            AtomicBoolean listening = new AtomicBoolean(true);
            Map<String, String> appointmentOf = new ConcurrentHashMap<>();
            AtomicInteger completed = new AtomicInteger();
            Thread observer = new Thread(() -> observe(accepted, planned, billed, appointmentOf, completed, listening));
            observer.start();
            Thread technician = new Thread(() -> outcomes(appointmentOf, listening));
            technician.start();

            ExecutorService clients = Executors.newFixedThreadPool(concurrency);
            AtomicInteger sequence = new AtomicInteger();
            long interval = offeredRate > 0 ? (long) (1e9 / offeredRate) : 0;
            long cpuStart = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            List<java.util.concurrent.Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                workers.add(clients.submit(() -> {
                    int i;
                    while (System.nanoTime() < end && (i = next.getAndIncrement()) < pdls) {
                        long due = start + sequence.getAndIncrement() * interval;
                        if (interval > 0) {
                            if (due >= end) {
                                break;
                            }
                            java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
                        }
                        long sent = interval > 0 ? due : System.nanoTime();
                        Map<String, Object> body = new LinkedHashMap<>();
                        body.put("pdl", String.format("098%011d", i));
                        body.put("supplierId", "FOURN-BENCH");
                        body.put("version", "STANDARD");
                        body.put("client", Map.of("name", "Bench " + i, "phone", "+33 6 00 00 00 00"));
                        body.put("appointment", Map.of("date", day.toString(), "slot", i % 2 == 0 ? "AM" : "PM"));
                        body.put("additionalServices", List.of());
                        body.put("externalReference", "BENCH-" + i);
                        HttpResponse<String> response = send("POST", Service.REQUEST, "/api/v1/requests", body);
                        if (response.statusCode() == 201) {
                            accepted.put(JSON.readTree(response.body()).get("caseId").asString(), sent);
                        }
                    }
                    return null;
                }));
            }
            for (var worker : workers) {
                worker.get();
            }
            clients.shutdown();
            long drainUntil = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (completed.get() < accepted.size() && System.nanoTime() < drainUntil) {
                Thread.sleep(100);
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime() - cpuStart;
            listening.set(false);
            observer.join();
            technician.join();
            return new Outcome(completed.get(), completed.get() / elapsed, percentiles(planned), percentiles(billed),
                    String.format("%.0f %% of 2 cores", 100.0 * cpu / 1e9 / elapsed / 2));
        }

        private static String percentiles(Histogram h) {
            return String.format("%d / %d / %d", h.getValueAtPercentile(50), h.getValueAtPercentile(99),
                    h.getValueAtPercentile(99.9));
        }

        private void observe(Map<String, Long> accepted, Histogram planned, Histogram billed,
                             Map<String, String> appointmentOf, AtomicInteger completed, AtomicBoolean listening) {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "bench-observer",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of(Topics.tracking("FOURN-BENCH"), Topics.billing("FOURN-BENCH")));
                while (listening.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        Long t0 = accepted.get(record.key());
                        long now = System.nanoTime();
                        JsonNode payload = JSON.readTree(record.value()).get("payload");
                        if (record.topic().endsWith(".tracking")) {
                            if (t0 != null && payload.has("appointmentDate") && !appointmentOf.containsKey(record.key())) {
                                appointmentOf.put(record.key(), record.key() + "-R1");
                                planned.recordValue(Math.min(59_999, (now - t0) / 1_000_000));
                            }
                        } else if (t0 != null) {
                            billed.recordValue(Math.min(59_999, (now - t0) / 1_000_000));
                            completed.incrementAndGet();
                        }
                    }
                }
            }
        }

        /** The technicians: each planned appointment is completed as soon as it is planned (same day). */
        private void outcomes(Map<String, String> appointmentOf, AtomicBoolean listening) {
            java.util.Set<String> done = ConcurrentHashMap.newKeySet();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            while (listening.get()) {
                for (String caseId : appointmentOf.keySet()) {
                    if (done.add(caseId)) {
                        pool.submit(() -> send("POST", Service.SCHEDULING, "/api/v1/appointments/" + caseId
                                + "-R1/outcome", Map.of("result", "COMPLETED", "meterIndex", 7)));
                    }
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
            pool.shutdownNow();
        }

        private Object put(Service service, String path, Object body) {
            send("PUT", service, path, body);
            return null;
        }

        private HttpResponse<String> send(String method, Service service, String path, Object body) {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(stack.url(service) + path))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
