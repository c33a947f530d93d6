package fr.grd.mes.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One service as its own operating-system process (its own JVM, as in a container), so that it can be killed
 * with SIGKILL — no shutdown hook, no flush, no goodbye — and started again.
 */
public final class ServiceProcess {
    private final ServiceStack.Service service;
    private final int port;
    private final List<String> args;
    private final Path log;
    private final List<String> jvmOptions;
    private final Path javaHome;
    private Process process;

    /** The Java runtime this JVM runs on: the services' unless told otherwise. */
    public static final Path THIS_JAVA = Path.of(System.getProperty("java.home"));

    /** Small and quick to start (C1 only), on this JVM's runtime: for runs that kill and restart services. */
    public ServiceProcess(ServiceStack.Service service, int port, List<String> args, Path log) {
        this(service, port, args, log, List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"), THIS_JAVA);
    }

    /** @param javaHome the Java runtime to start the service on (the benchmark compares runtimes) */
    public ServiceProcess(ServiceStack.Service service, int port, List<String> args, Path log, List<String> jvmOptions,
                          Path javaHome) {
        this.javaHome = javaHome;
        this.service = service;
        this.port = port;
        this.args = List.copyOf(args);
        this.log = log;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /**
     * CPU time the JIT compiler threads (C1 and C2) of the process have used so far, as the operating system counts
     * it ({@code /proc/<pid>/task/<tid>/stat}, user + system); empty where there is no {@code /proc}. Threads the
     * JVM has already retired (it adds and removes compiler threads as the queue grows) are not counted.
     */
    public java.util.Optional<Duration> jitCpuTime() {
        Path tasks = Path.of("/proc", String.valueOf(process.pid()), "task");
        if (!java.nio.file.Files.isDirectory(tasks)) {
            return java.util.Optional.empty();
        }
        long ticks = 0;
        try (var threads = java.nio.file.Files.list(tasks)) {
            for (Path task : threads.toList()) {
                try {
                    String comm = java.nio.file.Files.readString(task.resolve("comm")).strip();
                    if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
                        String stat = java.nio.file.Files.readString(task.resolve("stat"));
                        // fields after the command name, which is in parentheses: state is field 3, utime 14, stime 15
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the thread ended while it was read
                }
            }
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Duration.ofMillis(ticks * 1000 / CLOCK_TICKS_PER_SECOND));
    }

    /** Linux's USER_HZ, the unit of /proc's CPU times (100 on every common architecture). */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    /** CPU time the process has used so far (user + system), as the operating system counts it. */
    public Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /**
     * The command line of a child JVM on this JVM's class path: the broker, the store and the services of the
     * fault run and the benchmark all start this way.
     */
    static List<String> javaCommand(Path javaHome, List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve("java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    public ServiceProcess start() throws IOException {
        List<String> command = new ArrayList<>(List.of("--server.port=" + port));
        command.addAll(args);
        process = new ProcessBuilder(javaCommand(javaHome, jvmOptions, mainClass(), command)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return this;
    }

    /** SIGKILL: the process dies at once, whatever it was doing. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            // a JVM training an ahead-of-time cache writes it as it exits, which takes a while
            Duration grace = jvmOptions.stream().anyMatch(o -> o.startsWith("-XX:AOTCacheOutput"))
                    ? Duration.ofMinutes(5) : Duration.ofSeconds(20);
            if (!process.waitFor(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    public void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service + " exited; see " + log);
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url()
                        + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(service + " not ready within " + timeout + "; see " + log);
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public ServiceStack.Service service() {
        return service;
    }

    private String mainClass() {
        return switch (service) {
            case REQUEST -> "fr.grd.mes.request.RequestServiceApplication";
            case SCHEDULING -> "fr.grd.mes.scheduling.SchedulingServiceApplication";
            case BILLING -> "fr.grd.mes.billing.BillingServiceApplication";
            case CONTRACT -> "fr.grd.mes.contract.ContractServiceApplication";
        };
    }
}
