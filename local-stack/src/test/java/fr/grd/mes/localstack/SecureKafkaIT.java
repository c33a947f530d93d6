package fr.grd.mes.localstack;

import fr.grd.mes.testsupport.Http;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.grd.mes.events.KafkaAccess;
import fr.grd.mes.events.Topics;
import fr.grd.mes.localstack.ServiceStack.Service;
import fr.grd.mes.support.time.BusinessCalendar;
import fr.grd.mes.support.time.ControllableClock;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Docker Compose's Kafka security, for real: a broker started with {@code ops/kafka/secure-listeners.properties}
 * (SASL/SCRAM-SHA-512 over TLS, StandardAuthorizer, deny by default) and the stores and passwords made by
 * {@code ops/compose/make-secrets.sh}; one SCRAM principal per service, per supplier and for the portal, with the
 * ACLs of {@link KafkaAccess} (the same plan as {@code ops/kafka/acls.sh} and the Kubernetes KafkaUsers). The four
 * services run on it, each as its own principal, through a whole standard case; then a supplier reads its own flow
 * and is refused another's, a service is refused a topic it does not write, and clients without TLS or with a
 * wrong password are refused.
 */
class SecureKafkaIT {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> SUPPLIERS = List.of("FOURN-ALPHA", "FOURN-BETA");

    private static Path secrets;
    private static KafkaBrokerProcess broker;
    private static MongoServer mongo;
    private static ServiceStack services;
    private static DevJwt issuer;
    private static String bootstrap;

    @BeforeAll
    static void secureBrokerAndServices() throws Exception {
        Path work = Files.createTempDirectory("secure-kafka");
        secrets = work.resolve("secrets");
        ProcessBuilder make = new ProcessBuilder("bash", ROOT.resolve("ops/compose/make-secrets.sh").toString(),
                secrets.toString()).inheritIO();
        make.environment().put("KEYTOOL", Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        assertThat(make.start().waitFor()).as("make-secrets.sh").isZero();
        int port = freePort();
        broker = new KafkaBrokerProcess(work.resolve("kafka"), port, freePort(), new KafkaBrokerProcess.Secure(
                Files.readString(ROOT.resolve("ops/kafka/secure-listeners.properties")), secret("kafka-admin-password"),
                secrets.resolve("kafka-keystore.p12"), secrets.resolve("kafka-truststore.p12"),
                secret("kafka-store-password"))).start(Duration.ofSeconds(90));
        bootstrap = broker.bootstrap();

        Map<String, Object> admin = client("admin", secret("kafka-admin-password"));
        List<String> principals = new ArrayList<>(KafkaAccess.SERVICES);
        principals.add(KafkaAccess.PORTAL);
        principals.addAll(SUPPLIERS);
        try (Admin client = Admin.create(admin)) {
            List<UserScramCredentialUpsertion> users = new ArrayList<>();
            for (String principal : principals) {
                users.add(new UserScramCredentialUpsertion(principal,
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), secret("kafka-" + principal + "-password")));
            }
            client.alterUserScramCredentials(new ArrayList<>(users)).all().get();
            client.createAcls(java.util.stream.Stream.concat(KafkaAccess.plan(SUPPLIERS).stream(),
                        KafkaAccess.simulationPlan().stream()).flatMap(grant -> grant.operations().stream()
                    .map(operation -> new AclBinding(new ResourcePattern(ResourceType.valueOf(grant.resourceType()),
                            grant.name(), PatternType.valueOf(grant.pattern().name())),
                            new AccessControlEntry("User:" + grant.principal(), "*", AclOperation.valueOf(operation),
                                    AclPermissionType.ALLOW)))).toList()).all().get();
        }
        LocalStack.createTopics(admin, SUPPLIERS);

        mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress mongoAddress = mongo.bind();
        issuer = DevJwt.loadOrCreate(work.resolve("dev-jwt"));
        services = new ServiceStack(bootstrap, "mongodb://localhost:" + mongoAddress.getPort(),
                ControllableClock.fixed(TestStack.START), Map.of(),
                List.of(issuer.serviceArgument(), "--mes.scheduler.period=PT0.2S", "--mes.outbox.poll-millis=100",
                        "--spring.kafka.security.protocol=SASL_SSL",
                        "--spring.kafka.properties.sasl.mechanism=SCRAM-SHA-512",
                        "--spring.kafka.ssl.trust-store-type=PKCS12",
                        "--spring.kafka.ssl.trust-store-location=file:" + secrets.resolve("kafka-truststore.p12"),
                        "--logging.level.org.apache.kafka=WARN", "--logging.level.org.springframework.kafka=WARN"));
        for (Service service : Service.values()) {
            // each service's own principal and store password, as files named after the property (configtree)
            services.withServiceArgs(service, List.of("--spring.config.import=optional:configtree:"
                    + secrets.resolve(service.serviceName()) + "/"));
        }
        services.startAll();
    }

    @AfterAll
    static void stop() {
        if (services != null) {
            services.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (mongo != null) {
            mongo.shutdownNow();
        }
    }

    private static String secret(String name) throws Exception {
        return Files.readString(secrets.resolve(name)).strip();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Map<String, Object> client(String user, String password) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
        config.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
        config.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"" + user + "\" password=\"" + password + "\";");
        config.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PKCS12");
        config.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, secrets.resolve("kafka-truststore.p12").toString());
        try {
            config.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, secret("kafka-store-password"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        config.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        return config;
    }

    private static List<ConsumerRecord<String, String>> read(String user, String topic, int atLeast) throws Exception {
        Map<String, Object> config = client(user, secret("kafka-" + user + "-password"));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, user + ".secure-test");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant until = Instant.now().plusSeconds(30);
            while (records.size() < atLeast && Instant.now().isBefore(until)) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    private String url(Service service, String path) {
        return services.url(service) + path;
    }

    @Test
    void theServicesRunAWholeCaseEachAsItsOwnPrincipalAndEachSupplierReadsOnlyItsOwnFlows() throws Exception {
        String token = issuer.distributorToken();
        String pdl = "31000000000001";
        LocalDate date = new BusinessCalendar().addBusinessDays(LocalDate.ofInstant(TestStack.START, PARIS), 1);
        assertThat(Http.put(url(Service.CONTRACT, "/api/v1/delivery-points/" + pdl), Map.of("street", "1 rue du Port",
                "postalCode", "29200", "city", "Brest", "inseeCode", "29019", "zone", "ZONE-SEC", "supplyState", "COUP",
                "meterType", "LINKY"), token).status()).isEqualTo(200);
        assertThat(Http.put(url(Service.SCHEDULING, "/api/v1/capacity/ZONE-SEC/" + date), Map.of("am", 2, "pm", 2), token)
                .status()).isEqualTo(200);
        Map<String, Object> request = CaseFixture.request(pdl, "FOURN-ALPHA", "STANDARD", date, "AM");
        // the projection of the PdL reaches request-service over the secured broker
        String[] caseId = new String[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            fr.grd.mes.client.Reply created = Http.post(url(Service.REQUEST, "/api/v1/requests"), request, token);
            if (created.status() == 201) {
                caseId[0] = created.body().get("caseId").asString();
                return true;
            }
            return false;
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> Http.get(url(Service.REQUEST, "/api/v1/cases/" + caseId[0]),
                token).raw().contains("\"INPL\""));
        services.clock().advanceTo(date.atTime(10, 0).atZone(PARIS).toInstant());
        assertThat(Http.post(url(Service.SCHEDULING, "/api/v1/appointments/" + caseId[0] + "-R1/outcome"),
                Map.of("result", "COMPLETED", "meterIndex", 42), token).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> Http.get(url(Service.BILLING,
                "/api/v1/suppliers/FOURN-ALPHA/billing-lines?caseId=" + caseId[0]), token).body().size() == 1
                && Http.get(url(Service.REQUEST, "/api/v1/cases/" + caseId[0]), token).raw().contains("\"CPRE\""));

        // the supplier reads its flows with its own principal...
        List<ConsumerRecord<String, String>> billing = read("FOURN-ALPHA", Topics.billing("FOURN-ALPHA"), 1);
        assertThat(billing).extracting(ConsumerRecord::key).contains(caseId[0]);
        assertThat(read("FOURN-ALPHA", Topics.contractual("FOURN-ALPHA"), 1)).isNotEmpty();
        // ...and is refused another supplier's
        assertThatThrownBy(() -> read("FOURN-BETA", Topics.billing("FOURN-ALPHA"), 1))
                .isInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> read("FOURN-ALPHA", Topics.REQUESTS, 1)).isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aServiceWritesOnlyWhatItOwnsAndClientsWithoutTlsOrTheRightPasswordAreRefused() throws Exception {
        Map<String, Object> producerConfig = client("request-service", secret("kafka-request-service-password"));
        producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
                new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.APPOINTMENTS, "k", "{}")).get())
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        Map<String, Object> portalConfig = client(KafkaAccess.PORTAL, secret("kafka-sge-portal-password"));
        try (KafkaProducer<String, String> portal = new KafkaProducer<>(portalConfig, new StringSerializer(),
                new StringSerializer())) {
            assertThat(portal.send(new ProducerRecord<>(Topics.SGE_REQUESTS, "P-1", "{}")).get().offset()).isNotNegative();
        }

        try (Admin wrongPassword = Admin.create(client("FOURN-ALPHA", "not-the-password"))) {
            assertThatThrownBy(() -> wrongPassword.listTopics().names().get())
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
        Map<String, Object> plaintext = new HashMap<>();
        plaintext.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        plaintext.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        plaintext.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
        try (Admin noTls = Admin.create(plaintext)) {
            assertThatThrownBy(() -> noTls.listTopics().names().get()).isInstanceOf(ExecutionException.class);
        }
    }

    @Test
    void composeAppliesExactlyThisPlan() throws Exception {
        Path script = ROOT.resolve("ops/kafka/acls.sh");
        String generated = KafkaAccess.shellScript(SUPPLIERS);
        if (Boolean.getBoolean("acls.write")) {
            Files.writeString(script, generated);
        }
        assertThat(Files.readString(script)).as("ops/kafka/acls.sh is generated from KafkaAccess; regenerate it "
                + "with -Dacls.write=true").isEqualTo(generated);
        long grants = StreamSupport.stream(KafkaAccess.plan(SUPPLIERS).spliterator(), false).count();
        assertThat(generated.lines().filter(l -> l.startsWith("grant ")).count()).isEqualTo(grants);
    }
}
