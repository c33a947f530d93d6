package fr.grd.mes.tools.benchmark;

import fr.grd.mes.testsupport.RealInfrastructure;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

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
 * {@link Variant}); with no variant, the code as it is ("final", the defaults) runs alone: every choice measured
 * before is now the one code path (ADR 0004), and the hot-path listeners are batch listeners, which Spring Kafka
 * refuses to run with the former baseline's {@code ack-mode=record}. System properties:
 * {@code benchmark.rate} (fixed offered rate, cases/s, default 5), {@code benchmark.soak} (seconds of an extra
 * fixed-rate run of the last variant with heap sampled, for growth), {@code benchmark.service-heap} (default 512m),
 * {@code benchmark.harness-warmup} (default true, one variant or several: the first variant once, unreported, so that this JVM, which
 * hosts the store, is not cold for the first measured variant), {@code benchmark.service-java-opts} (more JVM
 * options of each service, {@code {service}} replaced by its name, e.g. a JFR recording), {@code benchmark.chart}
 * (PNG path), {@code benchmark.infra} ({@code real}: Apache Kafka and a MongoDB replica set in containers, the
 * {@code real-infra} profile's, where a Docker engine answers; skipped with the reason where none does).
 * <p>
 * The parts: {@link VariantRun} (one variant's stack and phases), {@link Load} (load generation), {@link Sampler} and
 * {@link ServiceMeters} (measurement), {@link Ingredients} (the ingredients alone), {@link Report} and {@link Charts}.
 */
public final class Benchmark {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String SUPPLIER = "FOURN-BENCH";
    /** Cases are spread over this many zones, as a distributor's are (one half-day slot holds its bookings). */
    static final int ZONES = 100;
    /** How long the stack is watched with no case at all: what it costs to stand still (polls, timers, scrapes). */
    static final int AT_REST_SECONDS = 20;
    /** Settled: each service's JIT compiler below this share of one core … */
    static final double JIT_SETTLED = 0.02;
    /** … for this long (consecutive windows). */
    static final int SETTLED_SECONDS = 30;
    static final int SETTLE_WINDOW_SECONDS = 10;
    static final List<String> DEFAULT_VARIANTS = List.of("final=");

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        List<Variant> variants = (args.length > 2 ? List.of(args).subList(2, args.length) : DEFAULT_VARIANTS).stream()
                .map(Variant::parse).toList();
        double rate = Double.parseDouble(System.getProperty("benchmark.rate", "5"));
        int soak = Integer.getInteger("benchmark.soak", 0);
        String heap = System.getProperty("benchmark.service-heap", "512m");
        Path dir = Files.createTempDirectory("mes-benchmark");
        List<Result> results;
        try {
            results = measure(variants, dir, seconds, clients, rate, soak, heap);
        } catch (RealInfrastructure.NoDockerEngine absent) {
            // as the real-infra tests are: skipped, with the reason, where the containers cannot run
            System.out.println("real infrastructure (-D" + Infrastructure.PROPERTY + "=real): skipped: "
                    + absent.getMessage());
            System.exit(0);
            return;
        }
        System.out.println("\n==== Benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, "
                + (Infrastructure.realRequested() ? "Kafka and MongoDB in containers" : "embedded stack") + ", "
                + Instant.now() + ") ====");
        Report.print(results, seconds, clients, heap);
        Charts.chart(Path.of(System.getProperty("benchmark.chart", "docs/benchmark.png")), results);
        if (results.stream().anyMatch(r -> !r.curve().isEmpty())) {
            Charts.curveChart(Path.of(System.getProperty("benchmark.curve-chart", "docs/benchmark-curve.png")), results);
        }
        System.exit(0);
    }

    /** The harness warm-up, then each variant in turn, each reported as it ends. */
    private static List<Result> measure(List<Variant> variants, Path dir, int seconds, int clients, double rate,
                                        int soak, String heap) throws Exception {
        List<Result> results = new ArrayList<>();
        if (Boolean.parseBoolean(System.getProperty("benchmark.harness-warmup", "true"))) {
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
            Report.print(List.of(results.get(results.size() - 1)), seconds, clients, heap);
        }
        return results;
    }
}
