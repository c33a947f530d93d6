package fr.grd.mes.localstack;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A real Apache Kafka broker in KRaft mode (broker and controller in one node), run from the Kafka server jars
 * on this JVM's class path as a child process, with its log in a folder so a restart keeps topics and offsets.
 * The storage is formatted on first start ({@code kafka.tools.StorageTool format --standalone}).
 */
public final class KafkaBrokerProcess implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final int controllerPort;
    private final Secure secure;
    private Process process;

    /**
     * SASL/SCRAM over TLS with ACLs: the listener template ({@code ops/kafka/secure-listeners.properties}), the
     * admin's password (bootstrapped as a SCRAM credential when the storage is formatted) and the PKCS#12 stores.
     */
    public record Secure(String listenerTemplate, String adminPassword, Path keystore, Path truststore,
                         String storePassword) {
    }

    public KafkaBrokerProcess(Path dir, int port, int controllerPort) {
        this(dir, port, controllerPort, null);
    }

    public KafkaBrokerProcess(Path dir, int port, int controllerPort, Secure secure) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.secure = secure;
    }

    /** CPU time the broker process has used so far (user + system). */
    public Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    public String bootstrap() {
        return "localhost:" + port;
    }

    public KafkaBrokerProcess start(Duration timeout) throws IOException, InterruptedException {
        Path logs = dir.resolve("data");
        Files.createDirectories(logs);
        Path config = dir.resolve("server.properties");
        String listeners = secure == null ? String.join("\n",
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT")
                : secure.listenerTemplate().replace("@PORT@", String.valueOf(port))
                .replace("@CONTROLLER_PORT@", String.valueOf(controllerPort)).replace("@HOST@", "localhost")
                .replace("@ADMIN_PASSWORD@", secure.adminPassword())
                .replace("@KEYSTORE@", secure.keystore().toAbsolutePath().toString())
                .replace("@TRUSTSTORE@", secure.truststore().toAbsolutePath().toString())
                .replace("@STORE_PASSWORD@", secure.storePassword());
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=localhost:" + controllerPort,
                listeners,
                "log.dirs=" + logs.toAbsolutePath(),
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false",
                ""));
        if (!Files.exists(logs.resolve("meta.properties"))) {
            List<String> format = new ArrayList<>(List.of("format", "-t", randomClusterId(), "-c", config.toString(),
                    "--standalone"));
            if (secure != null) {
                format.addAll(List.of("--add-scram", "SCRAM-SHA-512=[name=admin,password=" + secure.adminPassword() + "]"));
            }
            int formatted = java("kafka.tools.StorageTool", format.toArray(String[]::new)).inheritIO().start().waitFor();
            if (formatted != 0) {
                throw new IllegalStateException("formatting the Kafka storage failed (exit " + formatted + ")");
            }
        }
        process = java("kafka.Kafka", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("broker.log").toFile()).start();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Kafka broker exited; see " + dir.resolve("broker.log"));
            }
            try (Socket ignored = new Socket("localhost", port)) {
                return this;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the Kafka broker did not open port " + port + " within " + timeout);
    }

    private static ProcessBuilder java(String mainClass, String... args) {
        return new ProcessBuilder(ServiceProcess.javaCommand(ServiceProcess.THIS_JAVA, List.of("-Xms256m", "-Xmx1g"),
                mainClass, List.of(args)));
    }

    /**
     * Kafka's own random cluster id: its text never starts with '-', which the storage tool's argument parser would
     * take for an option (a URL-safe base64 of random bytes did, once in 64 formats: "expected one argument").
     */
    private static String randomClusterId() {
        return org.apache.kafka.common.Uuid.randomUuid().toString();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
