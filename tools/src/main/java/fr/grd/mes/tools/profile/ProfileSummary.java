package fr.grd.mes.tools.profile;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a CPU flame graph of a service says in figures: each sample (a frame's own samples) counted once under
 * <ul>
 *   <li>the <b>activity</b> that ran it — the outermost recognised frame of its stack: the JIT compiler, HTTP
 *   requests, the Kafka listeners (consume, use case, store write), the outbox relay, the producer's and
 *   consumer's I/O threads, scheduled jobs, GC;</li>
 *   <li>the <b>component</b> responsible — the innermost Java frame of its stack outside the JDK (the MongoDB
 *   driver, the Kafka client, Spring Data, Jackson, security, Tomcat, the project's code…), so that the JDK, JVM
 *   and kernel work done on a library's behalf is the library's;</li>
 * </ul>
 * and the frames with the most samples of their own.
 * <p>{@code java -cp … fr.grd.mes.tools.profile.ProfileSummary docs/profile/*.html}
 */
public final class ProfileSummary {
    private static final Map<String, Pattern> ACTIVITIES = patterns(
            "JIT compiler", "CompileBroker",
            "outbox relay", "fr/grd/mes/support/outbox/OutboxRelay",
            "Kafka listeners (consume, use case, store write)", "KafkaMessageListenerContainer",
            "HTTP requests (Tomcat, security, controllers)", "NioEndpoint|Http11Processor",
            "Kafka producer I/O thread", "producer/internals/Sender",
            "Kafka consumer I/O, heartbeat", "ConsumerNetworkThread|AbstractCoordinator\\$HeartbeatThread",
            "scheduled jobs, gauges", "ThreadPoolTaskScheduler|ScheduledThreadPoolExecutor|ScheduledMethodRunnable",
            "GC", "G1|GCTask|WorkerThread::run|ConcurrentGCThread");
    private static final Map<String, Pattern> COMPONENTS = patterns(
            "MongoDB driver", "^(com/mongodb|org/bson)/",
            "Spring Data MongoDB", "^org/springframework/data/",
            "Kafka client", "^org/apache/kafka/",
            "Spring Kafka", "^org/springframework/kafka/",
            "Tomcat", "^org/apache/(catalina|coyote|tomcat)/",
            "security, JWT", "^(org/springframework/security|com/nimbusds)/",
            "Jackson", "^(tools/jackson|com/fasterxml)/",
            "Micrometer", "^io/micrometer/",
            "the project's code", "^fr/grd/mes/",
            "Spring (other)", "^org/springframework/",
            "JDK", "^(java|javax|jdk|sun|com/sun)/");

    private ProfileSummary() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: ProfileSummary flame-graph.html ...");
            System.exit(2);
        }
        for (String file : args) {
            FlameGraph graph = FlameGraph.read(Path.of(file));
            System.out.printf("%n%s: %,d samples%n", file, graph.samples());
            print("CPU by activity (outermost recognised frame)", byActivity(graph), graph.samples());
            print("CPU by component (innermost Java frame outside the JDK; the JDK, JVM and kernel work it causes included)",
                    byComponent(graph), graph.samples());
            print("frames with the most samples of their own", topSelf(graph, 15), graph.samples());
        }
    }

    static Map<String, Long> byActivity(FlameGraph graph) {
        Map<String, Long> shares = new LinkedHashMap<>();
        for (FlameGraph.Frame frame : graph.frames()) {
            long self = frame.self();
            if (self <= 0 || frame.level == 0) {
                continue;
            }
            Deque<FlameGraph.Frame> stack = new ArrayDeque<>();
            for (FlameGraph.Frame f = frame; f != null && f.level > 0; f = f.parent) {
                stack.push(f);
            }
            String activity = "other (VM threads, safepoints…)";
            outer:
            for (FlameGraph.Frame f : stack) {
                for (Map.Entry<String, Pattern> candidate : ACTIVITIES.entrySet()) {
                    if (candidate.getValue().matcher(f.name).find()) {
                        activity = candidate.getKey();
                        break outer;
                    }
                }
            }
            shares.merge(activity, self, Long::sum);
        }
        return sorted(shares);
    }

    static Map<String, Long> byComponent(FlameGraph graph) {
        Map<String, Long> shares = new LinkedHashMap<>();
        for (FlameGraph.Frame frame : graph.frames()) {
            long self = frame.self();
            if (self <= 0 || frame.level == 0) {
                continue;
            }
            String component = null;
            boolean java = false;
            boolean compiler = false;
            boolean gc = false;
            for (FlameGraph.Frame f = frame; f != null && f.level > 0; f = f.parent) {
                compiler |= f.name.contains("CompileBroker");
                gc |= ACTIVITIES.get("GC").matcher(f.name).find();
                if (f.isJava()) {
                    java = true;
                    String library = library(f.name);
                    if (component == null && !library.equals("JDK")) {
                        component = library;
                    }
                }
            }
            String name = compiler ? "JIT compiler threads" : component != null ? component
                    : java ? "JDK alone (threads, NIO, logging…)" : gc ? "GC threads" : "JVM (safepoints, runtime)";
            shares.merge(name, self, Long::sum);
        }
        return sorted(shares);
    }

    static Map<String, Long> topSelf(FlameGraph graph, int count) {
        Map<String, Long> self = new LinkedHashMap<>();
        for (FlameGraph.Frame frame : graph.frames()) {
            if (frame.level > 0 && frame.self() > 0) {
                self.merge(frame.name, frame.self(), Long::sum);
            }
        }
        Map<String, Long> top = new LinkedHashMap<>();
        sorted(self).entrySet().stream().limit(count).forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }

    private static String library(String frame) {
        for (Map.Entry<String, Pattern> candidate : COMPONENTS.entrySet()) {
            if (candidate.getValue().matcher(frame).find()) {
                return candidate.getKey();
            }
        }
        String[] parts = frame.split("/");
        return parts.length > 2 ? parts[0] + "/" + parts[1] : frame;
    }

    private static Map<String, Long> sorted(Map<String, Long> shares) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        shares.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private static void print(String title, Map<String, Long> shares, long samples) {
        System.out.println("  " + title);
        shares.forEach((name, count) -> {
            if (100.0 * count / samples >= 0.5) {
                System.out.printf("    %5.1f %%  %s%n", 100.0 * count / samples, name);
            }
        });
    }

    private static Map<String, Pattern> patterns(String... nameThenRegex) {
        Map<String, Pattern> patterns = new LinkedHashMap<>();
        for (int i = 0; i < nameThenRegex.length; i += 2) {
            patterns.put(nameThenRegex[i], Pattern.compile(nameThenRegex[i + 1]));
        }
        return patterns;
    }
}
