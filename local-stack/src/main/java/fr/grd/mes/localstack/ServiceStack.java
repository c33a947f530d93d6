package fr.grd.mes.localstack;

import fr.grd.mes.billing.BillingServiceApplication;
import fr.grd.mes.contract.ContractServiceApplication;
import fr.grd.mes.request.RequestServiceApplication;
import fr.grd.mes.scheduling.SchedulingServiceApplication;
import fr.grd.mes.support.time.ControllableClock;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The four services in one JVM, each its own Spring Boot application context (own port, own MongoDB database,
 * own consumer groups), all reading one shared {@link ControllableClock}. Any one of them can be stopped and
 * started again, as a crashed and restarted pod would be.
 *
 * <p>Why one JVM for the local stack: on a 2-core machine four JVMs would each JIT-compile the same Spring,
 * Kafka and driver code and start four times slower; one JVM shares that work and lets the simulation move a
 * single clock for everyone. The services still share nothing else: they talk only through Kafka and HTTP, and
 * each also runs alone from its own jar (Dockerfile, Kubernetes).
 */
public final class ServiceStack implements AutoCloseable {
    /** The services' profile on the embedded store (mongo-java-server): see {@code AggregateStore.EMBEDDED_STORE_PROFILE}. */
    public static final String EMBEDDED_STORE = "embedded-store";


    public enum Service {
        REQUEST("request-service", RequestServiceApplication::builder, 8081),
        SCHEDULING("scheduling-service", SchedulingServiceApplication::builder, 8082),
        BILLING("billing-service", BillingServiceApplication::builder, 8083),
        CONTRACT("contract-service", ContractServiceApplication::builder, 8084);

        private final String serviceName;
        private final Supplier<SpringApplicationBuilder> builder;
        private final int defaultPort;

        Service(String serviceName, Supplier<SpringApplicationBuilder> builder, int defaultPort) {
            this.serviceName = serviceName;
            this.builder = builder;
            this.defaultPort = defaultPort;
        }

        public String serviceName() {
            return serviceName;
        }

        public int defaultPort() {
            return defaultPort;
        }
    }

    private final String kafkaBootstrap;
    private final String mongoUri;
    private final ControllableClock clock;
    private final Map<Service, Integer> requestedPorts;
    private final List<String> extraArgs;
    private final Map<Service, ConfigurableApplicationContext> running = new EnumMap<>(Service.class);
    private final Map<Service, Integer> assignedPorts = new EnumMap<>(Service.class);
    private final Map<Service, List<String>> serviceArgs = new EnumMap<>(Service.class);
    private ConfigurableApplicationContext console;

    public ServiceStack(String kafkaBootstrap, String mongoUri, ControllableClock clock,
                        Map<Service, Integer> requestedPorts, List<String> extraArgs) {
        this.kafkaBootstrap = kafkaBootstrap;
        this.mongoUri = mongoUri;
        this.clock = clock;
        this.requestedPorts = requestedPorts;
        this.extraArgs = List.copyOf(extraArgs);
    }

    private boolean embeddedStore = true;

    /** The services run on a real MongoDB: without the embedded store's profile (its lock index). */
    public ServiceStack onRealMongo() {
        embeddedStore = false;
        return this;
    }

    /** Arguments for one service only (its own Kafka principal, say), added after the common ones. */
    public ServiceStack withServiceArgs(Service service, List<String> args) {
        serviceArgs.put(service, List.copyOf(args));
        return this;
    }

    /**
     * Starts every service (contract first: it owns the referential the others project; scheduling before request,
     * which claims the holds of the charge table on it).
     */
    public ServiceStack startAll() {
        for (Service service : List.of(Service.CONTRACT, Service.SCHEDULING, Service.REQUEST, Service.BILLING)) {
            start(service);
        }
        return this;
    }

    public synchronized ConfigurableApplicationContext start(Service service) {
        if (running.containsKey(service)) {
            return running.get(service);
        }
        List<String> args = new ArrayList<>();
        // a restarted service keeps the port it first got, as a restarted pod keeps its Service's address: the
        // console and the files delivery were given that URL
        args.add("--server.port=" + requestedPorts.getOrDefault(service, assignedPorts.getOrDefault(service, 0)));
        args.add("--spring.kafka.bootstrap-servers=" + kafkaBootstrap);
        args.add("--spring.mongodb.uri=" + mongoUri);
        if (embeddedStore) {
            args.add("--spring.profiles.include=" + EMBEDDED_STORE);
        }
        args.add("--mes.clock.control=true");
        if (service == Service.REQUEST && assignedPorts.containsKey(Service.SCHEDULING)) {
            args.add("--mes.scheduling.url=" + url(Service.SCHEDULING));
        }
        args.addAll(extraArgs);
        args.addAll(serviceArgs.getOrDefault(service, List.of()));
        ConfigurableApplicationContext context = service.builder.get()
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("clock", clock))
                .logStartupInfo(false)
                .run(args.toArray(String[]::new));
        running.put(service, context);
        assignedPorts.put(service, Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
        return context;
    }

    /**
     * Starts the operator console (French web pages for the desk and technicians) on {@code port} (0: any),
     * pointed at the running services and sharing their clock; {@code args} add to it, e.g. the dev sign-in key.
     */
    public synchronized ConfigurableApplicationContext startConsole(int port, List<String> args) {
        if (console != null) {
            return console;
        }
        List<String> all = new ArrayList<>();
        all.add("--server.port=" + port);
        all.add("--mes.console.request-service=" + url(Service.REQUEST));
        all.add("--mes.console.scheduling-service=" + url(Service.SCHEDULING));
        all.add("--mes.console.billing-service=" + url(Service.BILLING));
        all.add("--mes.console.contract-service=" + url(Service.CONTRACT));
        all.addAll(args);
        console = fr.grd.mes.console.OperatorConsoleApplication.builder()
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("clock", clock))
                .logStartupInfo(false)
                .run(all.toArray(String[]::new));
        return console;
    }

    private ConfigurableApplicationContext supplierFiles;

    /**
     * Starts the SFTP delivery of the suppliers' files (supplier-files) against the running services, with its
     * FILES-role token; {@code sftpPort} 0 picks a free port.
     */
    public synchronized ConfigurableApplicationContext startSupplierFiles(int sftpPort, int httpPort,
                                                                          java.nio.file.Path dataDir, String token,
                                                                          List<String> args) {
        if (supplierFiles != null) {
            return supplierFiles;
        }
        List<String> all = new ArrayList<>(List.of("--server.port=" + httpPort, "--mes.delivery.sftp-port=" + sftpPort,
                "--mes.delivery.data-dir=" + dataDir.toAbsolutePath(), "--mes.delivery.token=" + token,
                "--mes.delivery.request-service=" + url(Service.REQUEST),
                "--mes.delivery.billing-service=" + url(Service.BILLING),
                "--mes.delivery.contract-service=" + url(Service.CONTRACT)));
        all.addAll(args);
        supplierFiles = fr.grd.mes.files.SupplierFilesApplication.builder().logStartupInfo(false)
                .run(all.toArray(String[]::new));
        return supplierFiles;
    }

    /** The SFTP port of the running delivery. */
    public int sftpPort() {
        if (supplierFiles == null) {
            throw new IllegalStateException("supplier-files is not running");
        }
        return supplierFiles.getBean(fr.grd.mes.files.SftpEndpoint.class).port();
    }

    public String consoleUrl() {
        if (console == null) {
            throw new IllegalStateException("the operator console is not running");
        }
        return "http://localhost:" + console.getEnvironment().getProperty("local.server.port");
    }

    public synchronized void stop(Service service) {
        ConfigurableApplicationContext context = running.remove(service);
        if (context != null) {
            context.close();
        }
    }

    public int port(Service service) {
        ConfigurableApplicationContext context = running.get(service);
        if (context == null) {
            throw new IllegalStateException(service + " is not running");
        }
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    public String url(Service service) {
        return "http://localhost:" + port(service);
    }

    public ConfigurableApplicationContext context(Service service) {
        return running.get(service);
    }

    /** The platform client of these services, calling with {@code token}. */
    public fr.grd.mes.client.PlatformClient client(String token) {
        return new fr.grd.mes.client.PlatformClient(service -> url(Service.valueOf(service.name())), token);
    }

    public ControllableClock clock() {
        return clock;
    }

    @Override
    public synchronized void close() {
        if (console != null) {
            console.close();
            console = null;
        }
        if (supplierFiles != null) {
            supplierFiles.close();
            supplierFiles = null;
        }
        for (Service service : List.of(Service.BILLING, Service.SCHEDULING, Service.REQUEST, Service.CONTRACT)) {
            stop(service);
        }
    }
}
