package fr.grd.mes.localstack;

import fr.grd.mes.testsupport.RealInfrastructure;
import fr.grd.mes.testsupport.Http;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.grd.mes.support.time.ControllableClock;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One real stack for the end-to-end tests of this JVM: a KRaft Kafka broker (spring-kafka-test's embedded
 * broker, the real Kafka server code), a MongoDB-wire store (mongo-java-server) and the four services on
 * random ports, all reading one clock the tests move. Started once, closed at JVM exit. With the
 * {@code real-infra} profile ({@code -Dmes.it.infra=real}), Kafka and a MongoDB replica set in containers
 * instead ({@link RealInfrastructure}), the services on their production settings.
 */
public final class TestStack {
    /** Tuesday 1 December 2026, 08:00 in Paris. */
    public static final Instant START = Instant.parse("2026-12-01T07:00:00Z");

    /** Small, so that the tests see flows split into several inner files as large real flows are. */
    public static final int MAX_RECORDS_PER_FILE = 2;

    private static TestStack instance;

    /** The broker the services and the tests use. */
    public final String kafkaBootstrap;
    private final EmbeddedKafkaKraftBroker kafka;
    private final MongoServer mongoServer;
    private final RealInfrastructure real;
    public final String mongoUri;
    private final MongoClient mongo;
    /** The services' databases, for faults no API can cause only (see {@link Stores}). */
    final Stores stores;
    /** The typed client of the platform API, with the distributor's token (operator, technician, portal). */
    public final fr.grd.mes.client.PlatformClient platform;
    public final ServiceStack services;
    public final ControllableClock clock;
    public final DevJwt issuer;

    private TestStack() {
        // the waits of every end-to-end test look at once and then every 20 ms (Awaitility's default is a first
        // look after 100 ms, then every 100 ms: a tenth of a second added to nearly every step of every scenario)
        org.awaitility.Awaitility.setDefaultPollDelay(java.time.Duration.ZERO);
        org.awaitility.Awaitility.setDefaultPollInterval(java.time.Duration.ofMillis(20));
        if (RealInfrastructure.requested()) {
            try {
                real = RealInfrastructure.start(java.nio.file.Path.of("..", "ops", "mongo"));
            } catch (RealInfrastructure.NoDockerEngine absent) {
                String reason = "real-infra profile: " + absent.getMessage() + "; the tests that need them are "
                        + "skipped (run ./mvnw -Preal-infra verify on a machine with Docker)";
                System.err.println(reason);
                throw new org.opentest4j.TestAbortedException(reason);
            }
            kafka = null;
            mongoServer = null;
            kafkaBootstrap = real.kafkaBootstrap();
            mongoUri = real.mongoUri();
        } else {
            real = null;
            kafka = new EmbeddedKafkaKraftBroker(1, 3);
            kafka.brokerProperties(Map.of("group.initial.rebalance.delay.ms", "0",
                    "auto.create.topics.enable", "false"));
            kafka.afterPropertiesSet();
            mongoServer = new MongoServer(new MemoryBackend());
            InetSocketAddress address = mongoServer.bind();
            mongoUri = "mongodb://localhost:" + address.getPort();
            kafkaBootstrap = kafka.getBrokersAsString();
        }
        mongo = MongoClients.create(mongoUri);
        stores = new Stores(mongo);
        clock = ControllableClock.fixed(START);
        try {
            issuer = DevJwt.loadOrCreate(java.nio.file.Files.createTempDirectory("mes-dev-jwt"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Http.defaultToken(issuer.distributorToken());
        ServiceStack stack = new ServiceStack(kafkaBootstrap, mongoUri, clock, Map.of(),
                List.of(issuer.serviceArgument(), "--mes.scheduler.period=PT0.2S", "--mes.metrics.period=PT1S",
                        "--mes.files.max-records-per-file=" + MAX_RECORDS_PER_FILE, "--mes.outbox.poll-millis=100",
                        "--logging.level.org.apache.kafka=WARN", "--logging.level.org.springframework.kafka=WARN"));
        services = (real != null ? stack.onRealMongo() : stack).startAll();
        platform = services.client(issuer.distributorToken());
        try {
            services.startSupplierFiles(0, 0, java.nio.file.Files.createTempDirectory("mes-supplier-files"),
                    issuer.mint("supplier-files", List.of("FILES"), null, java.time.Duration.ofDays(1)),
                    List.of("--mes.delivery.mirror-period=PT0.3S"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::close));
    }

    public static synchronized TestStack get() {
        if (instance == null) {
            instance = new TestStack();
        }
        return instance;
    }

    private void close() {
        services.close();
        mongo.close();
        if (real != null) {
            real.close();
        } else {
            mongoServer.shutdownNow();
            kafka.destroy();
        }
    }
}
