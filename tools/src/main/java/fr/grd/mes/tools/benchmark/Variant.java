package fr.grd.mes.tools.benchmark;

import fr.grd.mes.localstack.ServiceProcess;

import java.nio.file.Path;
import java.util.List;

/**
 * A named set of items that differ; everything else is the same for every variant of a run. An item starting
 * with {@code -X} or {@code -D} is a JVM option of each service; one starting with {@code ?}, options of the store's
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
        return serviceArgs.stream().filter(arg -> !jvmOption(arg) && !arg.startsWith("?")
                && !arg.startsWith("java=")).toList();
    }

    List<String> jvmOptions() {
        return serviceArgs.stream().filter(Variant::jvmOption).toList();
    }

    private static boolean jvmOption(String arg) {
        return arg.startsWith("-X") || arg.startsWith("-D");
    }

    String storeOptions() {
        return serviceArgs.stream().filter(arg -> arg.startsWith("?")).findFirst().orElse("");
    }

    Path javaHome() {
        return serviceArgs.stream().filter(arg -> arg.startsWith("java=")).map(arg -> Path.of(arg.substring(5)))
                .findFirst().orElse(ServiceProcess.THIS_JAVA);
    }
}
