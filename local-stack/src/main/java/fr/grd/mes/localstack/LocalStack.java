package fr.grd.mes.localstack;

import fr.grd.mes.simulation.DaySimulation;
import fr.grd.mes.simulation.DemoData;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import fr.grd.mes.events.Topics;
import fr.grd.mes.localstack.ServiceStack.Service;
import fr.grd.mes.support.time.BusinessCalendar;
import fr.grd.mes.support.time.ControllableClock;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The whole system on its embedded default, in one command: a KRaft Kafka broker (child process), a
 * MongoDB-wire store (mongo-java-server with its H2 file backend, so a restart loses nothing), the four
 * services, the topics and the demo data. Ctrl-C stops everything cleanly.
 *
 * <p>Settings (system properties or environment): {@code MES_DATA_DIR} (default {@code .local-stack}),
 * {@code KAFKA_PORT} (9092), {@code KAFKA_CONTROLLER_PORT} (9093), {@code MONGO_PORT} (27017),
 * {@code REQUEST_SERVICE_PORT} (8081), {@code SCHEDULING_SERVICE_PORT} (8082), {@code BILLING_SERVICE_PORT}
 * (8083), {@code CONTRACT_SERVICE_PORT} (8084), {@code MES_CLOCK} ({@code real} or
 * {@code simulation:<ISO instant>:<speed>}).
 */
public final class LocalStack {

    private LocalStack() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(setting("MES_DATA_DIR", ".local-stack"));
        Files.createDirectories(dataDir);
        int kafkaPort = Integer.parseInt(setting("KAFKA_PORT", "9092"));
        int controllerPort = Integer.parseInt(setting("KAFKA_CONTROLLER_PORT", "9093"));
        int mongoPort = Integer.parseInt(setting("MONGO_PORT", "27017"));
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            String key = service.serviceName().toUpperCase().replace('-', '_') + "_PORT";
            ports.put(service, Integer.parseInt(setting(key, String.valueOf(service.defaultPort()))));
        }
        ControllableClock clock = clock(setting("MES_CLOCK", "real"));

        List<AutoCloseable> toClose = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the local stack...");
            for (int i = toClose.size() - 1; i >= 0; i--) {
                try {
                    toClose.get(i).close();
                } catch (Exception e) {
                    System.err.println("while stopping: " + e);
                }
            }
            stopped.countDown();
        }, "local-stack-shutdown"));

        System.out.println("Starting the Kafka broker (KRaft) on localhost:" + kafkaPort + " ...");
        KafkaBrokerProcess broker = new KafkaBrokerProcess(dataDir.resolve("kafka"), kafkaPort, controllerPort)
                .start(Duration.ofSeconds(90));
        toClose.add(broker);

        System.out.println("Starting the MongoDB-wire store on localhost:" + mongoPort + " ...");
        // commit per write (nothing acknowledged is lost on a kill -9), or the stock backend's commit every second
        String mongoFile = dataDir.resolve("mongo.mv").toString();
        MongoServer mongo = new MongoServer("background".equals(setting("STORE_COMMIT", "per-write"))
                ? new H2Backend(mongoFile) : new DurableH2Backend(mongoFile));
        mongo.bind("localhost", mongoPort);
        toClose.add(mongo::shutdown);

        createTopics(broker.bootstrap(), DemoData.SUPPLIERS);
        DevJwt issuer = DevJwt.loadOrCreate(dataDir.resolve("dev-jwt"));

        System.out.println("Starting the four services ...");
        ServiceStack services = new ServiceStack(broker.bootstrap(), "mongodb://localhost:" + mongoPort, clock, ports,
                List.of("--mes.env=local", issuer.serviceArgument()));
        toClose.add(services);
        services.startAll();
        services.startConsole(Integer.parseInt(setting("OPERATOR_CONSOLE_PORT", "8080")),
                List.of(issuer.consoleArgument()));

        BusinessCalendar calendar = new BusinessCalendar();
        DemoData demo = new DemoData(services.client(issuer.distributorToken()));
        demo.load(LocalDate.now(clock.withZone(BusinessCalendar.PARIS)), calendar);
        int sftpPort = Integer.parseInt(setting("SUPPLIER_FILES_SFTP_PORT", "2222"));
        services.startSupplierFiles(sftpPort, Integer.parseInt(setting("SUPPLIER_FILES_HTTP_PORT", "8085")),
                dataDir.resolve("supplier-files"), issuer.mint("supplier-files", List.of("FILES"), null,
                        Duration.ofDays(365)), List.of());
        System.out.println(demo.supplierAccess(dataDir.resolve("suppliers"), sftpPort));
        printWelcome(services, broker.bootstrap(), mongoPort, clock);
        int simulate = simulatedRequests(args);
        if (simulate > 0) {
            new DaySimulation(services.client(issuer.distributorToken()), services.clock(), 42).run(simulate);
            if (List.of(args).contains("--then-exit")) {
                System.exit(0);
            }
        }
        stopped.await();
    }

    /**
     * Creates the internal topics (the delivery-point one compacted), the flows of the given suppliers and any
     * {@code extra} topic, leaving the ones that already exist: the local stack, the fault run and the benchmark
     * all start a broker this way.
     */
    public static void createTopics(String bootstrap, List<String> suppliers, String... extra) throws Exception {
        createTopics(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), suppliers, extra);
    }

    /** The same with the admin client's own settings (a secured broker: SASL/SCRAM over TLS as the admin). */
    public static void createTopics(Map<String, Object> adminConfig, List<String> suppliers, String... extra) throws Exception {
        try (Admin admin = Admin.create(adminConfig)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> topics = new ArrayList<>();
            List<String> wanted = new ArrayList<>(Topics.INTERNAL);
            wanted.addAll(List.of(extra));
            for (String topic : wanted) {
                if (!existing.contains(topic)) {
                    NewTopic t = new NewTopic(topic, 3, (short) 1);
                    if (fr.grd.mes.events.TopicCatalog.isCompacted(topic)) {
                        t.configs(Map.of("cleanup.policy", "compact"));
                    }
                    topics.add(t);
                }
            }
            for (String supplier : suppliers) {
                for (String topic : Topics.ofSupplier(supplier)) {
                    if (!existing.contains(topic)) {
                        topics.add(new NewTopic(topic, 3, (short) 1));
                    }
                }
            }
            if (!topics.isEmpty()) {
                admin.createTopics(topics).all().get();
            }
        }
    }

    private static void printWelcome(ServiceStack services, String bootstrap, int mongoPort, ControllableClock clock) {
        String request = services.url(Service.REQUEST);
        LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.PARIS));
        LocalDate date = new BusinessCalendar().addBusinessDays(today, 2);
        System.out.println("""

                ================= Mise en service platform: local stack ready =================
                  operator console    %s/console   (French; dev sign-in: Opérateur or Technicien)
                  request-service     %s   (POST /api/v1/requests, GET /api/v1/cases/{id})
                  scheduling-service  %s   (GET /api/v1/slots, PUT /api/v1/capacity/{zone}/{date})
                  billing-service     %s   (GET /api/v1/suppliers/{id}/billing-lines, /api/v1/catalogue)
                  contract-service    %s   (GET/PUT /api/v1/delivery-points/{pdl})
                  Kafka bootstrap     %s
                  MongoDB store       mongodb://localhost:%d
                  metrics             <service>/actuator/prometheus, health <service>/actuator/health/readiness
                  clock               %s  (advance: POST <any service>/api/v1/simulation/clock/advance {"duration":"P1D"})
                Demo: suppliers %s, zone %s, PdLs %s

                Try:
                  curl -s -X POST %s/api/v1/requests -H 'Content-Type: application/json' -d '{"pdl":"%s","supplierId":"%s","version":"EXPRESS","client":{"name":"Claire Martin","phone":"+33 6 12 34 56 78"},"appointment":{"date":"%s","slot":"AM"},"additionalServices":[],"externalReference":"CRM-0001"}'
                Press Ctrl-C to stop.
                ================================================================================
                """.formatted(services.consoleUrl(), request, services.url(Service.SCHEDULING), services.url(Service.BILLING),
                services.url(Service.CONTRACT), bootstrap, mongoPort, clock.instant(), DemoData.SUPPLIERS, DemoData.ZONE,
                DemoData.PDLS, request, DemoData.PDLS.get(0), DemoData.SUPPLIERS.get(0), date));
    }

    /** {@code --simulate-day [N]}: run a scripted day of N requests (default 200) once the stack is up. */
    static int simulatedRequests(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if ("--simulate-day".equals(args[i])) {
                return i + 1 < args.length && args[i + 1].matches("\\d+") ? Integer.parseInt(args[i + 1]) : 200;
            }
        }
        return 0;
    }

    static ControllableClock clock(String spec) {
        if (spec.startsWith("simulation")) {
            String[] parts = spec.split(":", 2);
            String rest = parts.length > 1 ? parts[1] : "";
            int lastColon = rest.lastIndexOf(':');
            Instant start = lastColon > 0 ? Instant.parse(rest.substring(0, lastColon)) : Instant.now();
            double speed = lastColon > 0 ? Double.parseDouble(rest.substring(lastColon + 1)) : 60;
            return ControllableClock.simulation(start, speed);
        }
        return ControllableClock.realTime();
    }

    private static String setting(String name, String fallback) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? fallback : value;
    }
}
