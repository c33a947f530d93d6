package fr.grd.mes.testsupport;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Statistics;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.MountableFile;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The production components for the {@code real-infra} profile ({@code ./mvnw -Preal-infra verify}): Apache Kafka
 * (the broker image Docker Compose runs, topics not auto-created) and MongoDB 7 as a replica set with
 * authentication, started by Docker Compose's own scripts ({@code ops/mongo/start-with-auth.sh} with a key file,
 * {@code ops/mongo/create-service-users.js}). The services then run with the production settings: no embedded-store
 * profile (no lock index), majority write concern, authenticated. Where no Docker engine answers, {@link #start}
 * says so ({@link NoDockerEngine}): the tests that need it are skipped with that reason, the benchmark's
 * real-infrastructure run stops with it.
 */
public final class RealInfrastructure implements AutoCloseable {
    public static final String PROPERTY = "mes.it.infra";
    private static final String KAFKA_IMAGE = "apache/kafka:4.1.0";
    private static final String MONGO_IMAGE = "mongo:7.0";

    private final KafkaContainer kafka;
    private final GenericContainer<?> mongo;
    private final String rootPassword = secret(18);

    public static boolean requested() {
        return "real".equals(System.getProperty(PROPERTY));
    }

    /** No Docker engine answers here: Kafka and the MongoDB replica set cannot run in containers. */
    public static final class NoDockerEngine extends RuntimeException {
        NoDockerEngine(String message) {
            super(message);
        }
    }

    /**
     * Starts Kafka and the MongoDB replica set; {@code opsMongo} is Docker Compose's {@code ops/mongo} directory
     * (its start script and user creation).
     */
    public static RealInfrastructure start(Path opsMongo) {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new NoDockerEngine("no Docker engine found, so Kafka and the MongoDB replica set cannot run in "
                    + "containers here");
        }
        return new RealInfrastructure(opsMongo.toAbsolutePath());
    }

    @SuppressWarnings("resource")
    private RealInfrastructure(Path ops) {
        kafka = new KafkaContainer(KAFKA_IMAGE).withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        kafka.start();
        GenericContainer<?> container = new GenericContainer<>(MONGO_IMAGE)
                .withEnv("MONGO_INITDB_ROOT_USERNAME", "root")
                .withEnv("MONGO_INITDB_ROOT_PASSWORD", rootPassword)
                .withCopyToContainer(Transferable.of(secret(96), 0400), "/run/secrets/mongo-keyfile")
                .withCopyToContainer(MountableFile.forHostPath(ops.resolve("start-with-auth.sh")),
                        "/ops/mongo/start-with-auth.sh")
                .withCopyToContainer(MountableFile.forHostPath(ops.resolve("create-service-users.js")),
                        "/docker-entrypoint-initdb.d/10-create-service-users.js")
                .withCreateContainerCmdModifier(cmd -> cmd.withEntrypoint("bash", "/ops/mongo/start-with-auth.sh"))
                .withExposedPorts(27017)
                // the entrypoint runs a first mongod for the init scripts, then the real one
                .waitingFor(Wait.forLogMessage(".*Waiting for connections.*", 2)
                        .withStartupTimeout(Duration.ofMinutes(3)));
        for (String service : new String[]{"request", "scheduling", "billing", "contract"}) {
            container.withCopyToContainer(Transferable.of(secret(12)), "/run/secrets/mongo-" + service + "-password");
        }
        mongo = container;
        mongo.start();
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).until(() -> mongosh(
                "try { rs.status().ok } catch (e) { rs.initiate({_id:'rs0',members:[{_id:0,host:'localhost:27017'}]}).ok }")
                && mongosh("db.hello().isWritablePrimary"));
    }

    private boolean mongosh(String script) throws Exception {
        var result = mongo.execInContainer("mongosh", "-u", "root", "-p", rootPassword, "--authenticationDatabase",
                "admin", "--quiet", "--eval", script);
        return result.getExitCode() == 0 && result.getStdout().strip().endsWith("1")
                || result.getStdout().strip().endsWith("true");
    }

    public String kafkaBootstrap() {
        return kafka.getBootstrapServers();
    }

    /**
     * The services' store: authenticated, the single member addressed directly (its replica-set name is the
     * container's own host name), every write acknowledged by a majority.
     */
    public String mongoUri() {
        return "mongodb://root:" + rootPassword + "@" + mongo.getHost() + ":" + mongo.getMappedPort(27017)
                + "/?authSource=admin&directConnection=true&w=majority&journal=true";
    }

    /** CPU time the broker's container has used so far (the Docker engine's own count). */
    public Duration kafkaCpuTime() {
        return cpuTime(kafka.getContainerId());
    }

    /** CPU time the store's container has used so far. */
    public Duration mongoCpuTime() {
        return cpuTime(mongo.getContainerId());
    }

    private static Duration cpuTime(String containerId) {
        CompletableFuture<Statistics> first = new CompletableFuture<>();
        try (ResultCallback.Adapter<Statistics> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Statistics statistics) {
                first.complete(statistics);
            }
        }) {
            DockerClientFactory.instance().client().statsCmd(containerId).withNoStream(true).exec(callback);
            Long nanos = first.get(30, TimeUnit.SECONDS).getCpuStats().getCpuUsage().getTotalUsage();
            return Duration.ofNanos(nanos == null ? 0 : nanos);
        } catch (Exception e) {
            throw new IllegalStateException("the CPU time of container " + containerId + " could not be read", e);
        }
    }

    private static String secret(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return bytes > 32 ? Base64.getEncoder().encodeToString(random) : HexFormat.of().formatHex(random);
    }

    @Override
    public void close() {
        mongo.stop();
        kafka.stop();
    }
}
