package fr.grd.mes.localstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.grd.mes.events.Topics;
import fr.grd.mes.localstack.ServiceStack.Service;
import fr.grd.mes.support.time.BusinessCalendar;
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
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
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
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The pipeline against its ingredients, in one run on one machine. For each <em>variant</em> (a name and the
 * service arguments that differ, e.g. a tuning switched off), on a fresh broker and a fresh store: what one Kafka
 * record (produce → consume, same broker, the services' producer settings), one document write (same store) and
 * one HTTP round trip (same server stack) cost alone; the counts per case of records, document writes and HTTP
 * calls (from the services' own meters, not guessed); the two bounds they give (Kafka-only, and all ingredients
 * without business logic); and full cases (request → booking → outcome → billing, observed on the supplier's own
 * topics) at a fixed offered rate, then at the maximum rate the clients reach, with latency percentiles from
 * "request accepted" to "intervention planned" and to "billing line published", and CPU and heap per service
 * (each service is its own process with its own heap limit, as in a container).
 * <p>
 * {@code ./benchmark.sh [seconds=30] [clients=16] [name=--arg,-XX:opt,?storeOption=v,java=/jdk,...]} (see
 * {@link Variant}); with no variant, "untuned" (the tunings
 * of issue 8 switched off) and "tuned" (the defaults) run one after the other. System properties:
 * {@code benchmark.rate} (fixed offered rate, cases/s, default 5), {@code benchmark.soak} (seconds of an extra
 * fixed-rate run of the last variant with heap sampled, for growth), {@code benchmark.service-heap} (default 512m),
 * {@code benchmark.harness-warmup} (default true: the first variant once, unreported, so that this JVM, which
 * hosts the store, is not cold for the first measured variant), {@code benchmark.service-java-opts} (more JVM
 * options of each service, {@code {service}} replaced by its name, e.g. a JFR recording), {@code benchmark.chart}
 * (PNG path).
 */
public final class Benchmark {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SUPPLIER = "FOURN-BENCH";
    /** Cases are spread over this many zones, as a distributor's are (one half-day slot holds its bookings). */
    private static final int ZONES = 100;
    /** How long the stack is watched with no case at all: what it costs to stand still (polls, timers, scrapes). */
    private static final int AT_REST_SECONDS = 20;
    /** Settled: each service's JIT compiler below this share of one core … */
    static final double JIT_SETTLED = 0.02;
    /** … for this long (consecutive windows). */
    static final int SETTLED_SECONDS = 30;
    static final int SETTLE_WINDOW_SECONDS = 10;
    static final List<String> DEFAULT_VARIANTS = List.of(
            "ack-record=--spring.kafka.listener.ack-mode=record",
            "tuned=");

    /**
     * A named set of items that differ; everything else is the same for every variant of a run. An item starting
     * with {@code -X} is a JVM option of each service; one starting with {@code ?}, options of the store's
     * connection string (e.g. {@code ?maxPoolSize=8}); {@code java=}, the Java home the services run on; any other,
     * a Spring argument.
     */
    record Variant(String name, List<String> serviceArgs) {
        static Variant parse(String spec) {
            int eq = spec.indexOf('=');
            String args = eq < 0 ? "" : spec.substring(eq + 1);
            return new Variant(eq < 0 ? spec : spec.substring(0, eq), args.isBlank() ? List.of() : List.of(args.split(",")));
        }

        List<String> springArgs() {
            return serviceArgs.stream().filter(arg -> !arg.startsWith("-X") && !arg.startsWith("?")
                    && !arg.startsWith("java=")).toList();
        }

        List<String> jvmOptions() {
            return serviceArgs.stream().filter(arg -> arg.startsWith("-X")).toList();
        }

        String storeOptions() {
            return serviceArgs.stream().filter(arg -> arg.startsWith("?")).findFirst().orElse("");
        }

        Path javaHome() {
            return serviceArgs.stream().filter(arg -> arg.startsWith("java=")).map(arg -> Path.of(arg.substring(5)))
                    .findFirst().orElse(ServiceProcess.THIS_JAVA);
        }
    }

    /**
     * Average cores used over a phase, the largest heap in use seen, per process, and each service's JIT compiler
     * time over the phase as a share of one core (Micrometer's {@code jvm.compilation.time}).
     */
    record Usage(Map<String, Double> cores, Map<String, Double> maxHeapMiB, Map<String, Double> jitCores,
                 double elapsedSeconds) {
        /** CPU milliseconds per completed case, per process (cores × phase length ÷ cases). */
        Map<String, Double> cpuMillisPerCase(int completed) {
            Map<String, Double> perCase = new LinkedHashMap<>();
            cores.forEach((process, c) -> perCase.put(process, completed == 0 ? Double.NaN
                    : 1000 * c * elapsedSeconds / completed));
            return perCase;
        }

        /** The four services together, CPU ms per case. */
        double servicesCpuMillisPerCase(int completed) {
            Map<String, Double> perCase = cpuMillisPerCase(completed);
            double sum = 0;
            for (Service service : Service.values()) {
                sum += perCase.getOrDefault(service.serviceName(), 0.0);
            }
            return sum;
        }
    }

    record Phase(double offered, int inFlight, int accepted, int completed, double casesPerSecond, Histogram planned,
                 Histogram billed, Usage usage, List<HeapSample> heap) {
        boolean closedLoop() {
            return offered == 0;
        }
    }

    /** How long load ran before every service's JIT compiler stayed under the threshold, window by window. */
    record Settling(double seconds, boolean settled, List<Map<String, Double>> jitCoresByWindow) {
    }

    record HeapSample(double secondsIn, Service service, double usedMiB) {
    }

    record Result(Variant variant, double kafkaRate, double writeRate, double httpRate, double recordsPerCase,
                  double writesPerCase, double httpPerCase, Phase fixed, Phase max, Phase soak,
                  Map<String, Double> storeMillis, Usage atRest, Settling settling, List<Phase> curve) {
        /**
         * The knee of the open-loop curve: the highest offered rate still carried (achieved ≥ 95 % of offered, p99
         * accepted → planned under 1 s); NaN without an open-loop curve.
         */
        double knee() {
            return curve.stream().filter(p -> !p.closedLoop() && p.casesPerSecond() >= 0.95 * p.offered()
                    && p.planned().getTotalCount() > 0 && p.planned().getValueAtPercentile(99) <= 1000)
                    .mapToDouble(Phase::offered).max().orElse(Double.NaN);
        }

        double kafkaBound() {
            return kafkaRate / recordsPerCase;
        }

        double compositeBound() {
            return 1.0 / (recordsPerCase / kafkaRate + writesPerCase / writeRate + httpPerCase / httpRate);
        }
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        List<Variant> variants = (args.length > 2 ? List.of(args).subList(2, args.length) : DEFAULT_VARIANTS).stream()
                .map(Variant::parse).toList();
        double rate = Double.parseDouble(System.getProperty("benchmark.rate", "5"));
        int soak = Integer.getInteger("benchmark.soak", 0);
        String heap = System.getProperty("benchmark.service-heap", "512m");
        Path dir = Files.createTempDirectory("mes-benchmark");
        List<Result> results = new ArrayList<>();
        if (Boolean.parseBoolean(System.getProperty("benchmark.harness-warmup", String.valueOf(variants.size() > 1)))) {
            // the store and the load generator run in this JVM: cold, they slow whichever variant comes first (seen:
            // the first of four identical-but-one variants 10-20 % below the others, its ingredients too), so the
            // first variant runs once unreported before the measured ones
            Variant first = variants.get(0);
            System.out.println("\n---- harness warm-up (variant " + first.name() + ", not reported)");
            new VariantRun(first, dir.resolve("harness-warmup"), heap).run(seconds, clients, rate, 0, false);
        }
        for (Variant variant : variants) {
            boolean last = variant == variants.get(variants.size() - 1);
            System.out.println("\n---- variant " + variant.name() + " " + variant.serviceArgs());
            // the curve takes minutes: by default only for the last variant (-Dbenchmark.curve-variants=a,b names others)
            String curveVariants = System.getProperty("benchmark.curve-variants", "");
            boolean withCurve = curveVariants.isBlank() ? last : List.of(curveVariants.split(",")).contains(variant.name());
            results.add(new VariantRun(variant, dir.resolve(variant.name()), heap).run(seconds, clients, rate,
                    last ? soak : 0, withCurve));
            print(List.of(results.get(results.size() - 1)), seconds, clients, heap);
        }
        System.out.println("\n==== Benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, embedded stack, "
                + Instant.now() + ") ====");
        print(results, seconds, clients, heap);
        chart(Path.of(System.getProperty("benchmark.chart", "docs/benchmark.png")), results);
        if (results.stream().anyMatch(r -> !r.curve().isEmpty())) {
            curveChart(Path.of(System.getProperty("benchmark.curve-chart", "docs/benchmark-curve.png")), results);
        }
        System.exit(0);
    }

    static void print(List<Result> results, int seconds, int clients, String heap) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (Result r : results) {
            row(rows, "variant", r.variant().name());
            Settling st = r.settling();
            row(rows, "JIT settled (every service's compiler < " + pct(JIT_SETTLED) + " of a core for " + SETTLED_SECONDS
                    + " s) after (s)", st.settled() ? num(st.seconds()) : "not within " + num(st.seconds()));
            if (!st.jitCoresByWindow().isEmpty()) {
                for (Service service : Service.values()) {
                    row(rows, "settling: JIT share of a core per " + SETTLE_WINDOW_SECONDS + " s window, "
                            + service.serviceName(), st.jitCoresByWindow().stream().map(w -> pct(w.getOrDefault(
                            service.serviceName(), 0.0))).collect(java.util.stream.Collectors.joining(" ")));
                }
            }
            row(rows, "Kafka produce→consume (records/s, same broker, acks=all)", num(r.kafkaRate()));
            row(rows, "document writes (writes/s, same store)", num(r.writeRate()));
            row(rows, "HTTP round trips (calls/s, same server stack, " + clients + " clients)", num(r.httpRate()));
            row(rows, "records per case (counted)", num(r.recordsPerCase()));
            row(rows, "document writes per case (counted)", num(r.writesPerCase()));
            row(rows, "HTTP calls per case (counted)", num(r.httpPerCase()));
            row(rows, "Kafka-only bound (cases/s)", num(r.kafkaBound()));
            row(rows, "composite bound (cases/s)", num(r.compositeBound()));
            phaseRows(rows, "fixed " + num(r.fixed().offered()) + "/s", r.fixed(), seconds);
            String max = "max rate (" + clients + " cases in flight)";
            phaseRows(rows, max, r.max(), seconds);
            row(rows, max + ": achieved / composite bound", pct(r.max().casesPerSecond() / r.compositeBound()));
            row(rows, max + ": achieved / Kafka-only bound", pct(r.max().casesPerSecond() / r.kafkaBound()));
            for (Phase point : r.curve()) {
                phaseRows(rows, point.closedLoop() ? "curve, closed loop, " + point.inFlight() + " in flight"
                        : "curve, open loop, offered " + num(point.offered()) + "/s", point, seconds);
            }
            if (!r.curve().isEmpty()) {
                row(rows, "knee of the open-loop curve (cases/s)", num(r.knee()));
                row(rows, "knee / composite bound", pct(r.knee() / r.compositeBound()));
            }
            r.storeMillis().forEach((service, millis) -> row(rows,
                    max + ": mean store command as the driver timed it (ms), " + service, String.format("%.2f", millis)));
            r.atRest().cores().forEach((process, cores) -> row(rows, "at rest (no case for " + AT_REST_SECONDS
                    + " s, after the max rate): CPU (cores), " + process, String.format("%.2f", cores)));
            if (r.soak() != null) {
                phaseRows(rows, "soak", r.soak(), seconds);
                for (Service service : Service.values()) {
                    row(rows, "soak: heap in use, lowest of 1st / last minute (MiB, -Xmx" + heap + "), "
                            + service.serviceName(), growth(r.soak().heap(), service));
                }
            }
        }
        rows.forEach((name, values) -> System.out.printf("  %-88s %s%n", name, String.join("  |  ", values)));
    }

    private static void phaseRows(Map<String, List<String>> rows, String label, Phase p, int seconds) {
        row(rows, label + ": accepted / completed", p.accepted() + " / " + p.completed());
        row(rows, label + ": achieved (cases/s)", num(p.casesPerSecond()));
        row(rows, label + ": accepted → intervention planned p50 / p99 / p99.9 (ms)", percentiles(p.planned()));
        row(rows, label + ": accepted → billing line published p50 / p99 / p99.9 (ms)", percentiles(p.billed()));
        p.usage().cores().forEach((process, cores) -> row(rows, label + ": CPU (cores) / max heap in use (MiB), "
                + process, String.format("%.2f", cores) + (p.usage().maxHeapMiB().containsKey(process)
                ? " / " + num(p.usage().maxHeapMiB().get(process)) : "")));
        p.usage().cpuMillisPerCase(p.completed()).forEach((process, ms) -> row(rows, label
                + ": CPU per case (ms), " + process, String.format("%.1f", ms)));
        row(rows, label + ": CPU per case (ms), the four services", String.format("%.1f",
                p.usage().servicesCpuMillisPerCase(p.completed())));
        p.usage().jitCores().forEach((service, jit) -> row(rows, label + ": JIT compiler (share of a core / of the "
                + "service's CPU), " + service, pct(jit) + " / " + pct(jit / Math.max(1e-9,
                p.usage().cores().getOrDefault(service, 0.0)))));
    }

    private static void row(Map<String, List<String>> rows, String name, String value) {
        rows.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }

    private static String num(double value) {
        return String.format("%,.1f", value);
    }

    private static String pct(double ratio) {
        return String.format("%.1f %%", 100 * ratio);
    }

    private static String percentiles(Histogram h) {
        return h.getTotalCount() == 0 ? "-" : String.format("%,d / %,d / %,d", h.getValueAtPercentile(50),
                h.getValueAtPercentile(99), h.getValueAtPercentile(99.9));
    }

    /** Lowest heap in use in the first and in the last minute (after collections, what stays), and the change. */
    static String growth(List<HeapSample> samples, Service service) {
        double end = samples.stream().mapToDouble(HeapSample::secondsIn).max().orElse(0);
        double first = samples.stream().filter(s -> s.service() == service && s.secondsIn() < 60)
                .mapToDouble(HeapSample::usedMiB).min().orElse(Double.NaN);
        double last = samples.stream().filter(s -> s.service() == service && s.secondsIn() >= end - 60)
                .mapToDouble(HeapSample::usedMiB).min().orElse(Double.NaN);
        return String.format("%.0f / %.0f (%+.0f)", first, last, last - first);
    }

    // ---- the ingredients, alone

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

    static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    // ---- one variant: fresh broker, fresh store, the four services as processes

    static final class VariantRun {
        private final Variant variant;
        private final Path dir;
        private final String heap;
        private final HttpClient http = HttpClient.newHttpClient();
        private final Map<Service, ServiceProcess> services = new EnumMap<>(Service.class);
        private KafkaBrokerProcess broker;
        private String token;
        private LocalDate day;
        private int pdls;
        private final AtomicInteger nextPdl = new AtomicInteger();

        VariantRun(Variant variant, Path dir, String heap) {
            this.variant = variant;
            this.dir = dir;
            this.heap = heap;
        }

        Result run(int seconds, int clients, double rate, int soakSeconds, boolean withCurve) throws Exception {
            broker = new KafkaBrokerProcess(dir.resolve("kafka"), freePort(), freePort()).start(Duration.ofSeconds(90));
            MongoServer store = new MongoServer(new MemoryBackend());
            InetSocketAddress address = store.bind();
            String mongoUri = "mongodb://localhost:" + address.getPort();
            try {
                LocalStack.createTopics(broker.bootstrap(), List.of(SUPPLIER), "bench.raw", Topics.SIMULATION_CLOCK);
                DevJwt issuer = DevJwt.loadOrCreate(dir.resolve("jwt"));
                token = issuer.distributorToken();
                day = new BusinessCalendar().nextBusinessDayOnOrAfter(LocalDate.now(PARIS).plusDays(1));
                List<String> args = new ArrayList<>(List.of("--spring.kafka.bootstrap-servers=" + broker.bootstrap(),
                        "--spring.mongodb.uri=" + mongoUri + "/" + variant.storeOptions(),
                        "--spring.profiles.include=" + ServiceStack.EMBEDDED_STORE, issuer.serviceArgument(),
                        "--mes.clock.mode=simulation",
                        "--mes.clock.start=" + day.atTime(7, 0).atZone(PARIS).toInstant(), "--mes.clock.speed=1",
                        "--logging.level.root=WARN", "--mes.limits.distributor-requests-per-second=1000000"));
                args.addAll(variant.springArgs());
                long startedAt = System.nanoTime();
                // the four start side by side, as containers would
                ExecutorService starting = Executors.newFixedThreadPool(Service.values().length);
                Map<Service, Future<ServiceProcess>> started = new EnumMap<>(Service.class);
                for (Service service : Service.values()) {
                    List<String> jvm = new ArrayList<>(List.of("-Xmx" + heap));
                    variant.jvmOptions().forEach(option -> jvm.add(option.replace("{service}", service.serviceName())));
                    String extra = System.getProperty("benchmark.service-java-opts", "");
                    if (!extra.isBlank()) {
                        jvm.addAll(List.of(extra.replace("{service}", service.serviceName()).split(" ")));
                    }
                    started.put(service, starting.submit(() -> startService(service, args, jvm)));
                }
                starting.shutdown();
                for (var entry : started.entrySet()) {
                    services.put(entry.getKey(), entry.getValue().get());
                }
                System.out.printf("  the four services ready after %.1f s (started side by side)%n",
                        (System.nanoTime() - startedAt) / 1e9);
                prepare(clients, Integer.getInteger("benchmark.pdls", 40_000) + (int) (rate * (seconds + soakSeconds)),
                        mongoUri);
                // the services' JIT compilers are busy for minutes after start: nothing is measured until they settle
                Settling settling = settle(clients, Duration.ofSeconds(Integer.getInteger("benchmark.settle-max", 600)));
                // the ingredients alone, after the warm-up (the services' compilers no longer take the CPU), each twice: the
                // first run only warms this JVM's code (the store runs in it)
                kafkaRecordsPerSecond(broker.bootstrap(), 20_000);
                double kafkaRate = kafkaRecordsPerSecond(broker.bootstrap(), 50_000);
                documentWritesPerSecond(mongoUri, "warm", 5_000);
                double writeRate = documentWritesPerSecond(mongoUri, "writes", 5_000);
                String liveness = services.get(Service.REQUEST).url() + "/actuator/health/liveness";
                httpCallsPerSecond(liveness, 2_000, clients);
                double httpRate = httpCallsPerSecond(liveness, 5_000, clients);
                Phase fixed = phase(Duration.ofSeconds(seconds), clients, rate);
                Map<String, Double> before = meters();
                Map<String, double[]> storeBefore = storeCommands();
                Phase max = phase(Duration.ofSeconds(seconds), clients, 0);
                Map<String, Double> after = meters();
                Map<String, Double> storeMillis = new LinkedHashMap<>();
                storeCommands().forEach((service, end) -> {
                    double[] start = storeBefore.get(service);
                    storeMillis.put(service, end[0] == start[0] ? 0 : 1000 * (end[1] - start[1]) / (end[0] - start[0]));
                });
                List<Phase> curve = withCurve ? curve(seconds) : List.of();
                Usage atRest = atRest(Duration.ofSeconds(AT_REST_SECONDS));
                Phase soak = soakSeconds > 0 ? phase(Duration.ofSeconds(soakSeconds), clients, rate) : null;
                double completed = Math.max(1, max.completed());
                return new Result(variant, kafkaRate, writeRate, httpRate,
                        (after.get("records") - before.get("records")) / completed,
                        (after.get("writes") - before.get("writes")) / completed,
                        (after.get("posts") - before.get("posts")) / completed, fixed, max, soak, storeMillis, atRest,
                        settling, curve);
            } finally {
                for (ServiceProcess process : services.values()) {
                    process.stop();
                }
                broker.close();
                store.shutdownNow();
            }
        }

        /**
         * Starts a service on a free port and waits until it is ready; a port taken meanwhile by another process's
         * connection (the port was free when picked) makes the service exit, and it is started again on another.
         */
        private ServiceProcess startService(Service service, List<String> args, List<String> jvm) throws Exception {
            for (int attempt = 1; ; attempt++) {
                ServiceProcess process = new ServiceProcess(service, freePort(), args,
                        dir.resolve(service.serviceName() + ".log"), jvm, variant.javaHome()).start();
                try {
                    process.awaitReady(Duration.ofMinutes(3));
                    return process;
                } catch (IllegalStateException exited) {
                    process.stop();
                    if (attempt == 3) {
                        throw exited;
                    }
                    System.out.println("  " + service.serviceName() + " did not start (" + exited.getMessage()
                            + "), again on another port");
                }
            }
        }

        /**
         * Load (closed loop, {@code clients} in flight) in {@value #SETTLE_WINDOW_SECONDS}-second windows until every
         * service's JIT compiler threads use less than {@link #JIT_SETTLED} of a core for {@value #SETTLED_SECONDS}
         * s, or {@code max} has passed; prints each window.
         */
        private Settling settle(int clients, Duration max) throws Exception {
            List<Map<String, Double>> windows = new ArrayList<>();
            long start = System.nanoTime();
            int quiet = 0;
            while (quiet * SETTLE_WINDOW_SECONDS < SETTLED_SECONDS && System.nanoTime() - start < max.toNanos()) {
                Phase window = phase(Duration.ofSeconds(SETTLE_WINDOW_SECONDS), clients, 0);
                Map<String, Double> jit = window.usage().jitCores();
                windows.add(jit);
                boolean calm = jit.values().stream().allMatch(share -> share < JIT_SETTLED);
                quiet = calm ? quiet + 1 : 0;
                System.out.printf("  settling %3.0f s: %.1f cases/s, JIT %s%n", (System.nanoTime() - start) / 1e9,
                        window.casesPerSecond(), jit.entrySet().stream().map(e -> e.getKey() + " " + pct(e.getValue()))
                                .collect(java.util.stream.Collectors.joining(", ")));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Settling(seconds, quiet * SETTLE_WINDOW_SECONDS >= SETTLED_SECONDS, windows);
        }

        /**
         * The throughput–latency curve: closed loop at each of {@code benchmark.curve-in-flight} (default 16, 64, 256,
         * 1 024) cases in flight, then open loop at {@code benchmark.curve-fractions} (default 0.25 … 1.25) of the
         * best closed-loop rate, each for {@code seconds}.
         */
        private List<Phase> curve(int seconds) throws Exception {
            List<Phase> points = new ArrayList<>();
            String inFlight = System.getProperty("benchmark.curve-in-flight", "16,64,256,1024");
            if (inFlight.isBlank()) {
                return points;
            }
            for (String n : inFlight.split(",")) {
                Phase point = phase(Duration.ofSeconds(seconds), Integer.parseInt(n.strip()), 0);
                System.out.printf("  closed loop, %s in flight: %.1f cases/s, planned p50/p99/p99.9 %s ms%n", n.strip(),
                        point.casesPerSecond(), percentiles(point.planned()));
                points.add(point);
            }
            double best = points.stream().mapToDouble(Phase::casesPerSecond).max().orElse(1);
            for (String f : System.getProperty("benchmark.curve-fractions", "0.25,0.5,0.75,0.9,1.0,1.1,1.25").split(",")) {
                double offered = Math.max(1, Double.parseDouble(f.strip()) * best);
                // enough senders that none is still busy with its previous request when the next is due
                Phase point = phase(Duration.ofSeconds(seconds), Math.max(32, (int) Math.ceil(offered / 4)), offered);
                System.out.printf("  open loop, offered %.1f/s: achieved %.1f cases/s, planned p50/p99/p99.9 %s ms%n", offered,
                        point.casesPerSecond(), percentiles(point.planned()));
                points.add(point);
            }
            return points;
        }

        /** The charge table of the day in every zone and the PdLs of every case to come, known to every service. */
        private void prepare(int concurrency, int count, String mongoUri) throws Exception {
            for (int z = 0; z < ZONES; z++) {
                HttpResponse<String> loaded = send("PUT", Service.SCHEDULING, "/api/v1/capacity/" + zone(z) + "/" + day,
                        Map.of("am", 500, "pm", 500));
                if (loaded.statusCode() != 200) {
                    throw new IllegalStateException("the charge table refused the capacity: " + loaded.body());
                }
            }
            pdls = count;
            ExecutorService loader = Executors.newFixedThreadPool(concurrency);
            List<Future<?>> loads = new ArrayList<>();
            for (int i = 0; i < pdls; i++) {
                int index = i;
                loads.add(loader.submit(() -> send("PUT", Service.CONTRACT, "/api/v1/delivery-points/" + pdl(index),
                        Map.of("street", "1 rue du Banc d'Essai", "postalCode", "75011", "city", "Paris",
                                "inseeCode", "75111", "zone", zone(index % ZONES), "supplyState", "COUP",
                                "meterType", "LINKY"))));
            }
            for (var load : loads) {
                load.get();
            }
            loader.shutdown();
            try (MongoClient client = MongoClients.create(mongoUri)) {
                for (String db : List.of("mes_request", "mes_scheduling", "mes_billing")) {
                    var projection = client.getDatabase(db).getCollection("delivery_points");
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
         * billed (or 60 s more). With {@code offeredRate} > 0, an open system: one request every 1/rate s whatever
         * happens, latencies from each request's intended send time (a stalled pipeline is not hidden by clients
         * that wait). With 0, the maximum rate as a closed system: each client sends its next request when its
         * previous case is billed, so {@code concurrency} cases are in flight and no backlog builds up that would
         * make the figure a measure of queue length instead of throughput.
         */
        private Phase phase(Duration duration, int concurrency, double offeredRate) throws Exception {
            Map<String, Long> accepted = new ConcurrentHashMap<>();
            Map<String, Long> plannedAt = new ConcurrentHashMap<>();
            Map<String, java.util.concurrent.CompletableFuture<Long>> billing = new ConcurrentHashMap<>();
            AtomicBoolean listening = new AtomicBoolean(true);
            Thread observer = new Thread(() -> observe(plannedAt, billing, listening));
            observer.start();
            Thread technician = new Thread(() -> outcomes(plannedAt, listening));
            technician.start();
            Sampler sampler = new Sampler();
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
                        Map<String, Object> body = new LinkedHashMap<>();
                        body.put("pdl", pdl(i));
                        body.put("supplierId", SUPPLIER);
                        body.put("version", "STANDARD");
                        body.put("client", Map.of("name", "Bench " + i, "phone", "+33 6 00 00 00 00"));
                        body.put("appointment", Map.of("date", day.toString(), "slot", (i / ZONES) % 2 == 0 ? "AM" : "PM"));
                        body.put("additionalServices", List.of());
                        body.put("externalReference", "BENCH-" + i);
                        HttpResponse<String> response = send("POST", Service.REQUEST, "/api/v1/requests", body);
                        if (response.statusCode() == 201) {
                            String caseId = JSON.readTree(response.body()).get("caseId").asString();
                            accepted.put(caseId, sent);
                            if (interval == 0) {
                                try {
                                    billing.computeIfAbsent(caseId, id -> new java.util.concurrent.CompletableFuture<>())
                                            .get(120, java.util.concurrent.TimeUnit.SECONDS);
                                } catch (java.util.concurrent.TimeoutException stuck) {
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
            long drainUntil = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (billedOf(accepted, billing) < accepted.size() && System.nanoTime() < drainUntil) {
                Thread.sleep(100);
            }
            long lastBilled = accepted.keySet().stream().map(id -> billedAt(billing, id)).filter(java.util.Objects::nonNull)
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
                    usage, sampler.samples);
        }

        /** CPU of every process while no case is sent: the stack's cost of standing still. */
        private Usage atRest(Duration window) throws InterruptedException {
            Sampler sampler = new Sampler();
            LockSupport.parkNanos(window.toNanos()); // a measurement window, not a wait for something to happen
            return sampler.stop(window.toNanos() / 1e9);
        }

        private static int billedOf(Map<String, Long> accepted,
                                    Map<String, java.util.concurrent.CompletableFuture<Long>> billing) {
            return (int) accepted.keySet().stream().filter(id -> billedAt(billing, id) != null).count();
        }

        /** When the case's billing line was seen (nanoTime), or null if not yet. */
        private static Long billedAt(Map<String, java.util.concurrent.CompletableFuture<Long>> billing, String caseId) {
            java.util.concurrent.CompletableFuture<Long> billed = billing.get(caseId);
            return billed != null && billed.isDone() ? billed.join() : null;
        }

        private static void record(Histogram histogram, Long at, long sent) {
            if (at != null) {
                histogram.recordValue(Math.min(3_599_999, Math.max(0, (at - sent) / 1_000_000)));
            }
        }

        /** The supplier's own flows: when each case was planned (tracking with a date) and billed. */
        private void observe(Map<String, Long> plannedAt,
                             Map<String, java.util.concurrent.CompletableFuture<Long>> billing, AtomicBoolean listening) {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap(), ConsumerConfig.GROUP_ID_CONFIG,
                    "bench-observer", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of(Topics.tracking(SUPPLIER), Topics.billing(SUPPLIER)));
                while (listening.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                        long now = System.nanoTime();
                        if (record.topic().endsWith(".tracking")) {
                            JsonNode payload = JSON.readTree(record.value()).get("payload");
                            if (payload.has("appointmentDate")) {
                                plannedAt.putIfAbsent(record.key(), now);
                            }
                        } else {
                            billing.computeIfAbsent(record.key(), id -> new java.util.concurrent.CompletableFuture<>())
                                    .complete(now);
                        }
                    }
                }
            }
        }

        /** The technicians: each planned appointment is completed as soon as it is planned (same day). */
        private void outcomes(Map<String, Long> plannedAt, AtomicBoolean listening) {
            Set<String> done = ConcurrentHashMap.newKeySet();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            while (listening.get()) {
                for (String caseId : plannedAt.keySet()) {
                    if (done.add(caseId)) {
                        pool.submit(() -> send("POST", Service.SCHEDULING, "/api/v1/appointments/" + caseId
                                + "-R1/outcome", Map.of("result", "COMPLETED", "meterIndex", 7)));
                    }
                }
                LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
            }
            pool.shutdownNow();
        }

        /** Records published, document writes and POST calls so far, summed over the services' own meters. */
        private Map<String, Double> meters() {
            double records = 0;
            double writes = 0;
            double posts = 0;
            for (Service service : Service.values()) {
                records += meter(service, "mes.events.published", null);
                for (String command : List.of("insert", "update", "findAndModify", "delete")) {
                    writes += meter(service, "mongodb.driver.commands", "command:" + command);
                }
                posts += meter(service, "http.server.requests", "method:POST");
            }
            return Map.of("records", records, "writes", writes, "posts", posts);
        }

        /** Count and total seconds of the store commands each service's driver timed so far (round trip included). */
        private Map<String, double[]> storeCommands() {
            Map<String, double[]> timed = new LinkedHashMap<>();
            for (Service service : Service.values()) {
                Map<String, Double> timer = measurements(service, "mongodb.driver.commands", null);
                timed.put(service.serviceName(), new double[]{timer.getOrDefault("COUNT", 0.0),
                        timer.getOrDefault("TOTAL_TIME", 0.0)});
            }
            return timed;
        }

        /** A counter's count or a gauge's value (0 for a meter not registered yet). */
        private double meter(Service service, String name, String tag) {
            Map<String, Double> measured = measurements(service, name, tag);
            return measured.getOrDefault("COUNT", measured.getOrDefault("VALUE", 0.0));
        }

        /** A meter's measurements by statistic (COUNT, TOTAL_TIME, VALUE, …) from the service's actuator. */
        private Map<String, Double> measurements(Service service, String name, String tag) {
            HttpResponse<String> response = send("GET", service, "/actuator/metrics/" + name
                    + (tag == null ? "" : "?tag=" + tag), null);
            Map<String, Double> measured = new LinkedHashMap<>();
            if (response.statusCode() != 404) {
                for (JsonNode measurement : JSON.readTree(response.body()).get("measurements")) {
                    measured.put(measurement.get("statistic").asString(), measurement.get("value").asDouble());
                }
            }
            return measured;
        }

        /** CPU of every process over a phase, and each service's heap in use sampled every second. */
        private final class Sampler {
            private final Map<String, Duration> cpuStart = new LinkedHashMap<>();
            private final Map<String, Double> jitStart = jitMillis();
            private final List<HeapSample> samples = new java.util.concurrent.CopyOnWriteArrayList<>();
            private final AtomicBoolean running = new AtomicBoolean(true);
            private final long start = System.nanoTime();
            private final Thread thread;

            Sampler() {
                cpuTimes().forEach(cpuStart::put);
                thread = new Thread(() -> {
                    while (running.get()) {
                        for (Service service : Service.values()) {
                            samples.add(new HeapSample((System.nanoTime() - start) / 1e9, service,
                                    meter(service, "jvm.memory.used", "area:heap") / 1024 / 1024));
                        }
                        LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
                    }
                });
                thread.setDaemon(true);
                thread.start();
            }

            private Map<String, Duration> cpuTimes() {
                Map<String, Duration> times = new LinkedHashMap<>();
                services.forEach((service, process) -> times.put(service.serviceName(), process.cpuTime()));
                times.put("Kafka broker", broker.cpuTime());
                times.put("harness (store + load generator + observer)", Duration.ofNanos(
                        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                                .getProcessCpuTime()));
                return times;
            }

            /**
             * The JIT compiler threads' CPU time so far, per service, from the OS (Micrometer's
             * {@code jvm.compilation.time} where there is no /proc: elapsed time summed over the compiler threads,
             * which on a loaded machine counts the time they wait for a core too, over 100 % of a core seen).
             */
            private Map<String, Double> jitMillis() {
                Map<String, Double> jit = new LinkedHashMap<>();
                services.forEach((service, process) -> jit.put(service.serviceName(), process.jitCpuTime()
                        .map(cpu -> (double) cpu.toMillis())
                        .orElseGet(() -> meter(service, "jvm.compilation.time", null))));
                return jit;
            }

            Usage stop(double elapsedSeconds) throws InterruptedException {
                running.set(false);
                thread.join();
                Map<String, Double> jitCores = new LinkedHashMap<>();
                jitMillis().forEach((service, ms) -> jitCores.put(service,
                        (ms - jitStart.getOrDefault(service, 0.0)) / 1000 / elapsedSeconds));
                Map<String, Double> cores = new LinkedHashMap<>();
                cpuTimes().forEach((process, time) -> cores.put(process,
                        time.minus(cpuStart.get(process)).toNanos() / 1e9 / elapsedSeconds));
                Map<String, Double> maxHeap = new LinkedHashMap<>();
                for (HeapSample sample : samples) {
                    maxHeap.merge(sample.service().serviceName(), sample.usedMiB(), Math::max);
                }
                return new Usage(cores, maxHeap, jitCores, elapsedSeconds);
            }
        }

        private HttpResponse<String> send(String method, Service service, String path, Object body) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(services.get(service).url() + path))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
                return http.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    // ---- the chart: per variant, the two bounds and what was achieved (log scale)

    static void chart(Path file, List<Result> results) throws Exception {
        Files.createDirectories(file.toAbsolutePath().getParent());
        int rowHeight = 26;
        int height = 70 + results.size() * (3 * rowHeight + 24);
        BufferedImage image = new BufferedImage(720, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 720, height);
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString("Cases per second: achieved vs bounds, per variant (same run, log scale)", 20, 25);
        int left = 200;
        int width = 470;
        double top = Math.log10(10_000);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        g.setStroke(new BasicStroke(0.5f));
        for (int decade = 0; decade <= 4; decade++) {
            int x = left + (int) (width * decade / top);
            g.setColor(Color.LIGHT_GRAY);
            g.drawLine(x, 40, x, height - 10);
            g.setColor(Color.GRAY);
            g.drawString(String.format("%,d", (int) Math.pow(10, decade)), x + 2, 48);
        }
        Color[] colors = {new Color(0x4C78A8), new Color(0xF58518), new Color(0x54A24B)};
        String[] labels = {"Kafka-only bound", "composite bound", "achieved (max rate)"};
        int y = 60;
        for (Result r : results) {
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
            g.drawString(r.variant().name(), 20, y + 12);
            y += 16;
            double[] values = {r.kafkaBound(), r.compositeBound(), r.max().casesPerSecond()};
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            for (int i = 0; i < 3; i++) {
                int bar = (int) (width * Math.max(0, Math.log10(Math.max(1, values[i]))) / top);
                g.setColor(colors[i]);
                g.fillRect(left, y, Math.max(bar, 1), rowHeight - 6);
                g.setColor(Color.DARK_GRAY);
                g.drawString(labels[i], 30, y + 14);
                g.drawString(String.format("%,.1f", values[i]), left + bar + 5, y + 14);
                y += rowHeight;
            }
            y += 8;
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    /**
     * The throughput–latency curve of the last variant with one: achieved cases/s (x) against accepted → planned
     * latency (y, log scale, p50 dotted and p99 solid), the closed-loop points labelled by cases in flight and the
     * open-loop points by offered rate; the composite bound as a vertical line.
     */
    static void curveChart(Path file, List<Result> results) throws Exception {
        Result r = results.stream().filter(x -> !x.curve().isEmpty()).reduce((a, b) -> b).orElseThrow();
        Files.createDirectories(file.toAbsolutePath().getParent());
        int w = 760;
        int h = 460;
        int left = 70;
        int right = w - 30;
        int top = 50;
        int bottom = h - 60;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        // the x axis fits the points; a bound beyond it is written at the right edge instead of squashing the curve
        double maxX = r.curve().stream().mapToDouble(Phase::casesPerSecond).max().orElse(1) * 1.3;
        boolean boundOnScale = r.compositeBound() <= maxX;
        double minY = 1;
        double maxY = 100_000;
        java.util.function.DoubleUnaryOperator x = v -> left + (right - left) * v / maxX;
        java.util.function.DoubleUnaryOperator y = v -> bottom - (bottom - top) * (Math.log10(Math.max(minY, v))
                - Math.log10(minY)) / (Math.log10(maxY) - Math.log10(minY));
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString("Throughput vs latency, accepted → intervention planned (" + r.variant().name() + ")", 20, 25);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        for (int decade = 0; decade <= 5; decade++) {
            int yy = (int) y.applyAsDouble(Math.pow(10, decade));
            g.setColor(Color.LIGHT_GRAY);
            g.drawLine(left, yy, right, yy);
            g.setColor(Color.GRAY);
            g.drawString(String.format("%,d ms", (int) Math.pow(10, decade)), 8, yy + 4);
        }
        for (int k = 0; k <= 5; k++) {
            double v = maxX * k / 5;
            int xx = (int) x.applyAsDouble(v);
            g.setColor(Color.LIGHT_GRAY);
            g.drawLine(xx, top, xx, bottom);
            g.setColor(Color.GRAY);
            g.drawString(String.format("%,.0f", v), xx - 8, bottom + 14);
        }
        g.drawString("cases/s achieved", (left + right) / 2 - 40, bottom + 32);
        g.setColor(new Color(0xF58518));
        if (boundOnScale) {
            int bound = (int) x.applyAsDouble(r.compositeBound());
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[]{6, 4}, 0));
            g.drawLine(bound, top, bound, bottom);
            g.drawString(String.format("composite bound %,.0f/s", r.compositeBound()), Math.max(left, bound - 150),
                    top - 4);
        } else {
            g.drawString(String.format("composite bound %,.0f/s (off the scale) →", r.compositeBound()), right - 230,
                    top - 4);
        }
        Color[] colors = {new Color(0x4C78A8), new Color(0x54A24B)};
        String[] names = {"closed loop (cases in flight)", "open loop (offered rate)"};
        for (int series = 0; series < 2; series++) {
            boolean closed = series == 0;
            List<Phase> points = r.curve().stream().filter(p -> p.closedLoop() == closed && p.planned().getTotalCount() > 0)
                    .toList();
            g.setColor(colors[series]);
            for (int pct = 0; pct < 2; pct++) {
                double percentile = pct == 0 ? 50 : 99;
                g.setStroke(pct == 0 ? new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1,
                        new float[]{2, 3}, 0) : new BasicStroke(2f));
                for (int i = 1; i < points.size(); i++) {
                    Phase a = points.get(i - 1);
                    Phase b = points.get(i);
                    g.drawLine((int) x.applyAsDouble(a.casesPerSecond()), (int) y.applyAsDouble(
                                    a.planned().getValueAtPercentile(percentile)),
                            (int) x.applyAsDouble(b.casesPerSecond()), (int) y.applyAsDouble(
                                    b.planned().getValueAtPercentile(percentile)));
                }
            }
            for (Phase p : points) {
                int px = (int) x.applyAsDouble(p.casesPerSecond());
                int py = (int) y.applyAsDouble(p.planned().getValueAtPercentile(99));
                g.fillOval(px - 4, py - 4, 8, 8);
                g.drawString(closed ? String.valueOf(p.inFlight()) : String.format("%.0f/s", p.offered()), px + 6,
                        py - 6 + (closed ? 0 : 14));
            }
            g.fillRect(left + 10, top + 8 + series * 16, 10, 10);
            g.setColor(Color.DARK_GRAY);
            g.drawString(names[series] + " — p99 solid, p50 dotted", left + 26, top + 17 + series * 16);
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}
