package fr.grd.mes.tools.benchmark;

import fr.grd.mes.client.HttpTransport;
import fr.grd.mes.client.PlatformClient;
import fr.grd.mes.events.Topics;
import fr.grd.mes.localstack.DevJwt;
import fr.grd.mes.localstack.LocalStack;
import fr.grd.mes.localstack.ServiceProcess;
import fr.grd.mes.localstack.ServiceStack;
import fr.grd.mes.localstack.ServiceStack.Service;
import fr.grd.mes.support.time.BusinessCalendar;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import static fr.grd.mes.tools.benchmark.Benchmark.AT_REST_SECONDS;
import static fr.grd.mes.tools.benchmark.Benchmark.JIT_SETTLED;
import static fr.grd.mes.tools.benchmark.Benchmark.PARIS;
import static fr.grd.mes.tools.benchmark.Benchmark.SETTLED_SECONDS;
import static fr.grd.mes.tools.benchmark.Benchmark.SETTLE_WINDOW_SECONDS;
import static fr.grd.mes.tools.benchmark.Benchmark.SUPPLIER;

/**
 * One variant: a fresh broker and a fresh store, the four services started side by side as processes (each with its
 * own heap limit, as in a container), the load run until their JIT compilers settle, then the ingredients and the
 * measured phases (fixed rate, maximum rate, the curve, at rest, the soak).
 */
final class VariantRun {
    private final Variant variant;
    private final Path dir;
    private final String heap;
    private final Map<Service, ServiceProcess> services = new EnumMap<>(Service.class);
    private Infrastructure infrastructure;
    private String token;
    private ServiceMeters meters;
    private Load load;

    VariantRun(Variant variant, Path dir, String heap) {
        this.variant = variant;
        this.dir = dir;
        this.heap = heap;
    }

    Result run(int seconds, int clients, double rate, int soakSeconds, boolean withCurve) throws Exception {
        infrastructure = Infrastructure.start(dir);
        String mongoUri = infrastructure.mongoUri(variant.storeOptions());
        try {
            LocalStack.createTopics(infrastructure.kafkaBootstrap(), List.of(SUPPLIER), "bench.raw", Topics.SIMULATION_CLOCK);
            DevJwt issuer = DevJwt.loadOrCreate(dir.resolve("jwt"));
            token = issuer.distributorToken();
            LocalDate day = new BusinessCalendar().nextBusinessDayOnOrAfter(LocalDate.now(PARIS).plusDays(1));
            List<String> args = new ArrayList<>(List.of("--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrap(),
                    "--spring.mongodb.uri=" + mongoUri, issuer.serviceArgument(),
                    "--mes.clock.mode=simulation",
                    "--mes.clock.start=" + day.atTime(7, 0).atZone(PARIS).toInstant(), "--mes.clock.speed=1",
                    "--logging.level.root=WARN", "--mes.limits.distributor-requests-per-second=1000000"));
            if (infrastructure.embeddedStore()) {
                args.add("--spring.profiles.include=" + ServiceStack.EMBEDDED_STORE);
            }
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
            PlatformClient client = new PlatformClient(s -> services.get(Service.valueOf(s.name())).url(), () -> token,
                    new HttpTransport(Duration.ofSeconds(5), Duration.ofSeconds(120)));
            meters = new ServiceMeters(client);
            load = new Load(client, services, infrastructure, meters, day);
            load.prepare(clients, Integer.getInteger("benchmark.pdls", 40_000) + (int) (rate * (seconds + soakSeconds)),
                    mongoUri);
            // the services' JIT compilers are busy for minutes after start: nothing is measured until they settle
            Settling settling = settle(clients, Duration.ofSeconds(Integer.getInteger("benchmark.settle-max", 600)));
            // the ingredients alone, after the warm-up (the services' compilers no longer take the CPU), each twice: the
            // first run only warms this JVM's code (the store runs in it)
            Ingredients.kafkaRecordsPerSecond(infrastructure.kafkaBootstrap(), 20_000);
            double kafkaRate = Ingredients.kafkaRecordsPerSecond(infrastructure.kafkaBootstrap(), 50_000);
            Ingredients.documentWritesPerSecond(mongoUri, "warm", 5_000);
            double writeRate = Ingredients.documentWritesPerSecond(mongoUri, "writes", 5_000);
            String liveness = services.get(Service.REQUEST).url() + "/actuator/health/liveness";
            Ingredients.httpCallsPerSecond(liveness, 2_000, clients);
            double httpRate = Ingredients.httpCallsPerSecond(liveness, 5_000, clients);
            // the wall-clock start of each measured phase, to match a profiler's slices (loop=…s) to it
            phaseStarts("fixed rate");
            Phase fixed = load.phase(Duration.ofSeconds(seconds), clients, rate);
            Map<String, Double> before = meters.counts();
            Map<String, double[]> storeBefore = meters.storeCommands();
            Map<String, double[]> readsBefore = meters.readsByCollection();
            phaseStarts("max rate");
            Phase max = load.phase(Duration.ofSeconds(seconds), clients, 0);
            Map<String, Double> after = meters.counts();
            phaseStarts("after the max rate");
            Map<String, Double> storeMillis = new LinkedHashMap<>();
            meters.storeCommands().forEach((service, end) -> {
                double[] start = storeBefore.get(service);
                storeMillis.put(service, end[0] == start[0] ? 0 : 1000 * (end[1] - start[1]) / (end[0] - start[0]));
            });
            Map<String, double[]> reads = new java.util.TreeMap<>();
            meters.readsByCollection().forEach((key, end) -> {
                double[] start = readsBefore.getOrDefault(key, new double[3]);
                double count = end[0] - start[0];
                if (count > 0) {
                    reads.put(key, new double[]{count / Math.max(1, max.completed()),
                            1000 * (end[1] - start[1]) / count, 1000 * end[2]});
                }
            });
            List<Phase> curve = withCurve ? curve(seconds) : List.of();
            Usage atRest = atRest(Duration.ofSeconds(AT_REST_SECONDS));
            Phase soak = soakSeconds > 0 ? load.phase(Duration.ofSeconds(soakSeconds), clients, rate) : null;
            double completed = Math.max(1, max.completed());
            return new Result(variant, kafkaRate, writeRate, httpRate,
                    (after.get("records") - before.get("records")) / completed,
                    (after.get("writes") - before.get("writes")) / completed,
                    (after.get("reads") - before.get("reads")) / completed,
                    (after.get("posts") - before.get("posts")) / completed, fixed, max, soak, storeMillis, reads, atRest,
                    settling, curve);
        } finally {
            for (ServiceProcess process : services.values()) {
                process.stop();
            }
            infrastructure.close();
        }
    }

    private static void phaseStarts(String phase) {
        System.out.printf("  %s from %s%n", phase, java.time.LocalTime.now().withNano(0));
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
     * Load (closed loop, {@code clients} in flight) in {@value Benchmark#SETTLE_WINDOW_SECONDS}-second windows until every
     * service's JIT compiler threads use less than {@link Benchmark#JIT_SETTLED} of a core for {@value Benchmark#SETTLED_SECONDS}
     * s, or {@code max} has passed; prints each window.
     */
    private Settling settle(int clients, Duration max) throws Exception {
        List<Map<String, Double>> windows = new ArrayList<>();
        long start = System.nanoTime();
        int quiet = 0;
        while (quiet * SETTLE_WINDOW_SECONDS < SETTLED_SECONDS && System.nanoTime() - start < max.toNanos()) {
            Phase window = load.phase(Duration.ofSeconds(SETTLE_WINDOW_SECONDS), clients, 0);
            Map<String, Double> jit = window.usage().jitCores();
            windows.add(jit);
            boolean calm = jit.values().stream().allMatch(share -> share < JIT_SETTLED);
            quiet = calm ? quiet + 1 : 0;
            System.out.printf("  settling %3.0f s: %.1f cases/s, JIT %s%n", (System.nanoTime() - start) / 1e9,
                    window.casesPerSecond(), jit.entrySet().stream().map(e -> e.getKey() + " " + Report.pct(e.getValue()))
                            .collect(Collectors.joining(", ")));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Settling(seconds, quiet * SETTLE_WINDOW_SECONDS >= SETTLED_SECONDS, windows);
    }

    /**
     * The throughput–latency curve: closed loop at each of {@code benchmark.curve-in-flight} (default 16, 64, 256,
     * 1 024) cases in flight, then open loop at {@code benchmark.curve-fractions} (default 0.25 … 1.25) of the
     * best closed-loop rate, in increasing order, stopping at the second point not carried
     * (beyond, each point only measures a longer queue); then {@code benchmark.knee-steps} (default 2) bisections
     * between the highest rate carried and the lowest not carried, so with two the knee is known to a quarter of the
     * fractions' step; last, one point at half the knee's rate (the latency target is set there). Each point
     * for {@code seconds}; each waits for the previous one's backlog while cases are still being billed.
     */
    private List<Phase> curve(int seconds) throws Exception {
        List<Phase> points = new ArrayList<>();
        String inFlight = System.getProperty("benchmark.curve-in-flight", "16,64,256,1024");
        if (inFlight.isBlank()) {
            return points;
        }
        for (String n : inFlight.split(",")) {
            phaseStarts("closed loop, " + n.strip() + " in flight,");
            Phase point = load.phase(Duration.ofSeconds(seconds), Integer.parseInt(n.strip()), 0);
            System.out.printf("  closed loop, %s in flight: %.1f cases/s, planned p50/p99/p99.9 %s ms%n", n.strip(),
                    point.casesPerSecond(), Report.percentiles(point.planned()));
            points.add(point);
        }
        double best = points.stream().mapToDouble(Phase::casesPerSecond).max().orElse(1);
        int notCarried = 0;
        for (String f : System.getProperty("benchmark.curve-fractions", "0.25,0.5,0.75,0.9,1.0,1.1,1.25").split(",")) {
            Phase point = openLoop(seconds, Math.max(1, Double.parseDouble(f.strip()) * best));
            points.add(point);
            if (!point.carried() && ++notCarried == 2) {
                break;
            }
        }
        int steps = Integer.getInteger("benchmark.knee-steps", 2);
        for (int step = 0; step < steps; step++) {
            double carried = Result.knee(points);
            double above = points.stream().filter(p -> !p.closedLoop() && !p.carried() && p.offered() > carried)
                    .mapToDouble(Phase::offered).min().orElse(Double.NaN);
            if (Double.isNaN(carried) || Double.isNaN(above)) {
                break;
            }
            points.add(openLoop(seconds, (carried + above) / 2));
        }
        double knee = Result.knee(points);
        if (!Double.isNaN(knee)) {
            points.add(openLoop(seconds, knee / 2));
        }
        return points;
    }

    private Phase openLoop(int seconds, double offered) throws Exception {
        phaseStarts(String.format("open loop, offered %.1f/s,", offered));
        // enough senders that none is still busy with its previous request when the next is due
        Phase point = load.phase(Duration.ofSeconds(seconds), Math.max(32, (int) Math.ceil(offered / 4)), offered);
        System.out.printf("  open loop, offered %.1f/s: achieved %.1f cases/s, planned p50/p99/p99.9 %s ms%s%n",
                offered, point.casesPerSecond(), Report.percentiles(point.planned()),
                point.carried() ? "" : " (not carried)");
        return point;
    }

    /** CPU of every process while no case is sent: the stack's cost of standing still. */
    private Usage atRest(Duration window) throws InterruptedException {
        Sampler sampler = new Sampler(services, infrastructure, meters);
        LockSupport.parkNanos(window.toNanos()); // a measurement window, not a wait for something to happen
        return sampler.stop(window.toNanos() / 1e9);
    }

    /** A port free now (the caller binds it soon; a port taken meanwhile is started again on another). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
