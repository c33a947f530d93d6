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
        Map<String, String> ports = Map.of("kafka", "9092:9092", "mongo", "27017:27017",
                "request-service", "8081:8081", "scheduling-service", "8082:8082", "billing-service", "8083:8083",
                "contract-service", "8084:8084", "prometheus", "9090:9090", "grafana", "3000:3000",
                "operator-console", "8080:8080");
        assertThat(services.keySet()).containsExactlyInAnyOrderElementsOf(ports.keySet());
        ports.forEach((service, port) -> assertThat(String.valueOf(services.get(service).get("ports"))).as(service)
                .contains(port));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceHasAHealthCheckAndStartsAfterWhatItNeedsIsHealthy() {
        services.forEach((name, service) -> {
            assertThat(service).as(name + " health check").containsKey("healthcheck");
            Object dependsOn = service.get("depends_on");
            if (dependsOn != null) {
                ((Map<String, Map<String, String>>) dependsOn).forEach((dependency, condition) ->
                        assertThat(condition.get("condition")).as(name + " → " + dependency).isEqualTo("service_healthy"));
            }
        });
        for (String app : List.of("request-service", "scheduling-service", "billing-service", "contract-service")) {
            Map<String, Object> service = services.get(app);
            assertThat(((Map<String, Object>) service.get("depends_on")).keySet()).containsExactlyInAnyOrder("kafka", "mongo");
            Map<String, Object> env = (Map<String, Object>) service.get("environment");
            assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092");
            assertThat(String.valueOf(env.get("MONGODB_URI"))).contains("replicaSet=rs0");
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
        assertThat(String.valueOf(services.get("mongo").get("command"))).contains("--replSet");
        assertThat(String.valueOf(services.get("kafka").get("environment"))).contains("KAFKA_PROCESS_ROLES=broker,controller");
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
