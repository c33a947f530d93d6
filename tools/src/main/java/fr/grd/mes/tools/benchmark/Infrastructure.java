package fr.grd.mes.tools.benchmark;

import com.sun.management.OperatingSystemMXBean;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.grd.mes.localstack.KafkaBrokerProcess;
import fr.grd.mes.testsupport.RealInfrastructure;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The broker and the store a variant runs on, and the CPU their processes have used so far. The default is the
 * embedded stack (a KRaft broker process, mongo-java-server in this JVM, the services on the {@code embedded-store}
 * profile); with {@code -Dbenchmark.infra=real}, Apache Kafka and a MongoDB 7 replica set with authentication in
 * containers ({@link RealInfrastructure}, the {@code real-infra} profile's), the services on their production
 * settings and the containers' CPU from the Docker engine.
 */
interface Infrastructure extends AutoCloseable {
    String PROPERTY = "benchmark.infra";

    String kafkaBootstrap();

    /** The services' store, with a variant's store options ({@code ?key=value&…}) added. */
    String mongoUri(String storeOptions);

    /** Whether the services run with the embedded store's profile (its lock index). */
    boolean embeddedStore();

    /** CPU so far of each process other than the services, under the name the report prints. */
    Map<String, Duration> cpuTimes();

    @Override
    void close();

    static boolean realRequested() {
        return "real".equals(System.getProperty(PROPERTY));
    }

    static Infrastructure start(Path dir) throws IOException, InterruptedException {
        return realRequested() ? new Containers(RealInfrastructure.start(Path.of("ops", "mongo"))) : new Embedded(dir);
    }

    private static Duration thisProcess() {
        return Duration.ofNanos(((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime());
    }

    final class Embedded implements Infrastructure {
        private final KafkaBrokerProcess broker;
        private final MongoServer store = new MongoServer(new MemoryBackend());
        private final String uri;

        Embedded(Path dir) throws IOException, InterruptedException {
            broker = new KafkaBrokerProcess(dir.resolve("kafka"), VariantRun.freePort(), VariantRun.freePort()).start(Duration.ofSeconds(90));
            InetSocketAddress address = store.bind();
            uri = "mongodb://localhost:" + address.getPort();
        }

        @Override
        public String kafkaBootstrap() {
            return broker.bootstrap();
        }

        @Override
        public String mongoUri(String storeOptions) {
            return uri + "/" + storeOptions;
        }

        @Override
        public boolean embeddedStore() {
            return true;
        }

        @Override
        public Map<String, Duration> cpuTimes() {
            Map<String, Duration> times = new LinkedHashMap<>();
            times.put("Kafka broker", broker.cpuTime());
            times.put("harness (store + load generator + observer)", thisProcess());
            return times;
        }

        @Override
        public void close() {
            broker.close();
            store.shutdownNow();
        }
    }

    final class Containers implements Infrastructure {
        private final RealInfrastructure real;

        Containers(RealInfrastructure real) {
            this.real = real;
        }

        @Override
        public String kafkaBootstrap() {
            return real.kafkaBootstrap();
        }

        @Override
        public String mongoUri(String storeOptions) {
            // the real URI already has options (authentication, majority writes): a variant's are added to them
            return real.mongoUri() + (storeOptions.startsWith("?") ? "&" + storeOptions.substring(1) : "");
        }

        @Override
        public boolean embeddedStore() {
            return false;
        }

        @Override
        public Map<String, Duration> cpuTimes() {
            Map<String, Duration> times = new LinkedHashMap<>();
            times.put("Kafka broker (container)", real.kafkaCpuTime());
            times.put("MongoDB (container)", real.mongoCpuTime());
            times.put("harness (load generator + observer)", thisProcess());
            return times;
        }

        @Override
        public void close() {
            real.close();
        }
    }
}
