package fr.grd.mes.localstack;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docker-compose.yml} cannot be started here (no Docker engine), so it is checked as data: every service
 * and its port, health checks, start order by health, the files it mounts or builds from exist in the
 * repository, secrets come from files outside the repository, and the services get real Kafka and a MongoDB
 * replica set.
 */
class ComposeFileTest {
    private static final Path ROOT = Path.of("..");
    private static Map<String, Map<String, Object>> services;
    private static Map<String, Object> compose;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws Exception {
        try (InputStream in = Files.newInputStream(ROOT.resolve("docker-compose.yml"))) {
            compose = new Yaml().load(in);
        }
        services = (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void everyPartOfTheSystemIsThereWithItsPort() {
        Map<String, String> ports = Map.ofEntries(Map.entry("kafka", "9092:9092"), Map.entry("mongo", "27017:27017"),
                Map.entry("request-service", "8081:8081"), Map.entry("scheduling-service", "8082:8082"),
                Map.entry("billing-service", "8083:8083"), Map.entry("contract-service", "8084:8084"),
                Map.entry("prometheus", "9090:9090"), Map.entry("grafana", "3000:3000"),
                Map.entry("operator-console", "8080:8080"), Map.entry("supplier-files", "2222:2222"));
        java.util.Set<String> expected = new java.util.HashSet<>(ports.keySet());
        expected.add("kafka-init");
        assertThat(services.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        ports.forEach((service, port) -> assertThat(String.valueOf(services.get(service).get("ports"))).as(service)
                .contains(port));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceHasAHealthCheckAndStartsAfterWhatItNeedsIsHealthy() throws Exception {
        services.forEach((name, service) -> {
            if (!name.equals("kafka-init")) {
                assertThat(service).as(name + " health check").containsKey("healthcheck");
            }
            Object dependsOn = service.get("depends_on");
            if (dependsOn != null) {
                ((Map<String, Map<String, String>>) dependsOn).forEach((dependency, condition) ->
                        assertThat(condition.get("condition")).as(name + " → " + dependency).isEqualTo(
                                dependency.equals("kafka-init") ? "service_completed_successfully" : "service_healthy"));
            }
        });
        for (String app : List.of("request-service", "scheduling-service", "billing-service", "contract-service")) {
            Map<String, Object> service = services.get(app);
            assertThat(((Map<String, Object>) service.get("depends_on")).keySet())
                    .containsExactlyInAnyOrder("kafka-init", "mongo");
            Map<String, Object> env = (Map<String, Object>) service.get("environment");
            assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092");
            assertThat(env.get("SPRING_KAFKA_SECURITY_PROTOCOL")).isEqualTo("SASL_SSL");
            assertThat(env.get("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM")).isEqualTo("SCRAM-SHA-512");
            assertThat(env.get("SPRING_CONFIG_IMPORT")).isEqualTo("optional:configtree:/run/secrets/");
            assertThat(env).doesNotContainKey("MONGODB_URI");
            // its own Kafka principal and MongoDB user, as files named after the property
            String secrets = String.valueOf(service.get("secrets"));
            String own = app.replace("-service", "");
            assertThat(secrets).contains("source=" + own + "-kafka-jaas, target=spring.kafka.properties.sasl.jaas.config")
                    .contains("source=" + own + "-mongodb-uri, target=mes.secrets.mongodb-uri");
            assertThat(String.valueOf(env.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLIC_KEY_LOCATION")))
                    .startsWith("file:/run/secrets/");
            Map<String, String> build = (Map<String, String>) service.get("build");
            assertThat(ROOT.resolve(build.get("dockerfile"))).as(app + " Dockerfile").exists();
        }
        Map<String, Object> console = services.get("operator-console");
        assertThat(((Map<String, Object>) console.get("depends_on")).keySet())
                .containsExactlyInAnyOrder("request-service", "scheduling-service", "billing-service", "contract-service");
        assertThat(String.valueOf(console.get("environment"))).contains("REQUEST_SERVICE_URL=http://request-service:8081")
                .contains("MES_CONSOLE_DEV_SIGN_IN_KEY=file:/run/secrets/");
        assertThat(ROOT.resolve(((Map<String, String>) console.get("build")).get("dockerfile"))).exists();
        assertThat(String.valueOf(services.get("mongo").get("entrypoint"))).contains("/ops/mongo/start-with-auth.sh");
        assertThat(Files.readString(ROOT.resolve("ops/mongo/start-with-auth.sh"))).contains("--replSet rs0")
                .contains("--keyFile");
        assertThat(String.valueOf(services.get("mongo").get("environment")))
                .contains("MONGO_INITDB_ROOT_PASSWORD_FILE=/run/secrets/mongo-root-password");
        assertThat(String.valueOf(services.get("kafka").get("entrypoint"))).contains("/ops/kafka/start-secure-broker.sh");
        assertThat(Files.readString(ROOT.resolve("ops/kafka/start-secure-broker.sh")))
                .contains("/ops/kafka/secure-listeners.properties").contains("--add-scram");
        assertThat(Files.readString(ROOT.resolve("ops/kafka/init-security.sh"))).contains("/ops/kafka/acls.sh");
        // every principal of the ACL plan has its password secret in the init container
        String init = String.valueOf(services.get("kafka-init").get("secrets"));
        for (String principal : List.of("request-service", "scheduling-service", "billing-service", "contract-service",
                fr.grd.mes.events.KafkaAccess.PORTAL, "FOURN-ALPHA", "FOURN-BETA")) {
            assertThat(init).contains("kafka-" + principal + "-password");
        }
    }

    /**
     * The init script's hand-written topic list is the catalogue's: every internal topic, nothing else — not the
     * simulation clock, which exists only where the clock can be moved (the local stack and the tests).
     */
    @Test
    void theInitScriptCreatesExactlyTheCataloguesInternalTopics() throws Exception {
        String script = Files.readString(ROOT.resolve("ops/kafka/init-security.sh"));
        java.util.regex.Matcher loop = java.util.regex.Pattern.compile("for t in ([^;]+); do").matcher(script);
        assertThat(loop.find()).as("the topic loop of ops/kafka/init-security.sh").isTrue();
        List<String> created = new java.util.ArrayList<>(List.of(loop.group(1).trim().split("\\s+")));
        java.util.regex.Matcher compacted = java.util.regex.Pattern.compile("\ntopic (\\S+) --config").matcher(script);
        while (compacted.find()) {
            created.add(compacted.group(1));
        }
        assertThat(created).containsExactlyInAnyOrderElementsOf(fr.grd.mes.events.Topics.INTERNAL)
                .doesNotContain(fr.grd.mes.events.Topics.SIMULATION_CLOCK);
    }

    @Test
    @SuppressWarnings("unchecked")
    void mountedFilesExistAndSecretsStayOutOfTheRepository() throws Exception {
        services.forEach((name, service) -> {
            Object volumes = service.get("volumes");
            if (volumes == null) {
                return;
            }
            for (Object volume : (List<?>) volumes) {
                String source = String.valueOf(volume).split(":")[0];
                if (source.startsWith("./")) {
                    assertThat(ROOT.resolve(source)).as(name + " mounts " + source).exists();
                }
            }
        });
        Map<String, Map<String, String>> secrets = (Map<String, Map<String, String>>) compose.get("secrets");
        assertThat(secrets).isNotEmpty();
        services.forEach((name, service) -> {
            Object used = service.get("secrets");
            if (used != null) {
                for (Object secret : (List<?>) used) {
                    String source = secret instanceof Map<?, ?> entry ? String.valueOf(entry.get("source")) : String.valueOf(secret);
                    assertThat(secrets).as(name + " uses secret " + source).containsKey(source);
                }
            }
        });
        String ignored = Files.readString(ROOT.resolve(".gitignore"));
        secrets.forEach((name, secret) -> {
            assertThat(secret.get("file")).as(name).startsWith("./.local-stack/");
            assertThat(ignored).contains(".local-stack/");
        });
        String text = Files.readString(ROOT.resolve("docker-compose.yml"));
        assertThat(text).doesNotContainPattern("(?im)^[ \\t]*[\\w-]*password[ \\t]*:[ \\t]*\\S")
                .doesNotContain("BEGIN PRIVATE KEY");
        assertThat(ROOT.resolve("ops/grafana/provisioning/datasources/prometheus.yml")).exists();
        assertThat(ROOT.resolve("ops/grafana/provisioning/dashboards/dashboards.yml")).exists();
    }
}
