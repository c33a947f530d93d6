package fr.grd.mes.tools.benchmark;

import fr.grd.mes.localstack.ServiceStack.Service;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The figures of a run as a table: one row per figure, one column per variant, printed to standard output. */
final class Report {
    private Report() {
    }

    static void print(List<Result> results, int seconds, int clients, String heap) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (Result r : results) {
            row(rows, "variant", r.variant().name());
            Settling st = r.settling();
            row(rows, "JIT settled (every service's compiler < " + pct(Benchmark.JIT_SETTLED) + " of a core for " + Benchmark.SETTLED_SECONDS
                    + " s) after (s)", st.settled() ? num(st.seconds()) : "not within " + num(st.seconds()));
            if (!st.jitCoresByWindow().isEmpty()) {
                for (Service service : Service.values()) {
                    row(rows, "settling: JIT share of a core per " + Benchmark.SETTLE_WINDOW_SECONDS + " s window, "
                            + service.serviceName(), st.jitCoresByWindow().stream().map(w -> pct(w.getOrDefault(
                            service.serviceName(), 0.0))).collect(Collectors.joining(" ")));
                }
            }
            row(rows, "Kafka produce→consume (records/s, same broker, acks=all)", num(r.kafkaRate()));
            row(rows, "document writes (writes/s, same store)", num(r.writeRate()));
            row(rows, "HTTP round trips (calls/s, same server stack, " + clients + " clients)", num(r.httpRate()));
            row(rows, "records per case (counted)", num(r.recordsPerCase()));
            row(rows, "document writes per case (counted)", num(r.writesPerCase()));
            row(rows, "store reads per case (counted: find, aggregate, count, getMore)", num(r.readsPerCase()));
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
                row(rows, "at half the knee: accepted → planned p50/p99/p99.9 (ms)",
                        r.halfKnee().map(p -> percentiles(p.planned())).orElse("—"));
            }
            r.storeMillis().forEach((service, millis) -> row(rows,
                    max + ": mean store command as the driver timed it (ms), " + service, String.format("%.2f", millis)));
            r.readsByCollection().forEach((read, figures) -> row(rows, max + ": reads per case / mean / max ms, " + read,
                    String.format("%.2f / %.2f / %.1f", figures[0], figures[1], figures[2])));
            r.atRest().cores().forEach((process, cores) -> row(rows, "at rest (no case for " + Benchmark.AT_REST_SECONDS
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

    static String num(double value) {
        return String.format("%,.1f", value);
    }

    static String pct(double ratio) {
        return String.format("%.1f %%", 100 * ratio);
    }

    static String percentiles(Histogram h) {
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
}
