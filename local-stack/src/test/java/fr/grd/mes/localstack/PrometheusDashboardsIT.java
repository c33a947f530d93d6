package fr.grd.mes.localstack;

import fr.grd.mes.simulation.DaySimulation;
import fr.grd.mes.testsupport.Http;
import fr.grd.mes.contract.domain.amendment.AmendmentFixture;
import fr.grd.mes.localstack.ServiceStack.Service;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

import java.io.File;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboards and alerts are true: after a scripted load on the stack, a real Prometheus (Debian's package)
 * scrapes every service with an operator token; every panel query of every dashboard in {@code ops/grafana}
 * must be valid and return data, every alert expression of {@code ops/prometheus/rules.yml} must be valid, and
 * {@code promtool} accepts the configuration and the rules. Skipped where no Prometheus is installed
 * ({@code .ci/run} installs it).
 */
class PrometheusDashboardsIT {
    private static final Path OPS = Path.of("..", "ops");

    @Test
    void everyDashboardPanelReturnsDataAndEveryAlertExpressionIsValid() throws Exception {
        Assumptions.assumeTrue(onPath("prometheus") && onPath("promtool"), "no prometheus/promtool on this machine");
        TestStack stack = TestStack.get();
        new DaySimulation(stack.services.client(stack.issuer.distributorToken()), stack.clock, 11).run(24);
        String amendment = "AV-PROM-" + System.nanoTime();
        Http.post(stack.services.url(Service.CONTRACT) + "/api/v1/amendments",
                AmendmentFixture.terms(amendment, LocalDate.now(stack.clock.withZone(ZoneId.of("Europe/Paris"))), false));
        assertThat(Http.putBytes(stack.services.url(Service.CONTRACT) + "/api/v1/amendments/" + amendment
                + "/connection-diagram", "image/png", AmendmentFixture.diagramPng()).status()).isEqualTo(200);
        Http.post(stack.services.url(Service.CONTRACT) + "/api/v1/amendments/" + amendment + "/issue", Map.of());

        Path work = Files.createTempDirectory("prometheus-it");
        Path token = work.resolve("token");
        Files.writeString(token, stack.issuer.mint("prometheus", List.of("OPERATOR"), null, Duration.ofHours(2)));
        String targets = Stream.of(Service.values()).map(s -> "\"localhost:" + stack.services.port(s) + "\"")
                .collect(Collectors.joining(", "));
        Path config = work.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files:
                  - %s
                scrape_configs:
                  - job_name: mes
                    metrics_path: /actuator/prometheus
                    authorization:
                      credentials_file: %s
                    static_configs:
                      - targets: [%s]
                """.formatted(OPS.resolve("prometheus/rules.yml").toAbsolutePath(), token.toAbsolutePath(), targets));
        assertThat(run("promtool", "check", "config", config.toString())).isZero();
        assertThat(run("promtool", "check", "rules", OPS.resolve("prometheus/rules.yml").toString())).isZero();
        assertThat(run("promtool", "check", "config", "--syntax-only", OPS.resolve("prometheus/prometheus.yml").toString()))
                .isZero();

        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process prometheus = new ProcessBuilder("prometheus", "--config.file=" + config,
                "--storage.tsdb.path=" + work.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(work.resolve("prometheus.log").toFile()).start();
        try {
            String api = "http://127.0.0.1:" + port + "/api/v1/query?query=";
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> result(api, "sum(up{job=\"mes\"})").stream()
                    .anyMatch(r -> r.get("value").get(1).asString().equals("4")));

            List<String> failures = new ArrayList<>();
            List<String> queries = new ArrayList<>();
            try (Stream<Path> dashboards = Files.list(OPS.resolve("grafana/dashboards"))) {
                for (Path dashboard : dashboards.sorted().toList()) {
                    JsonNode json = Http.JSON.readTree(Files.readString(dashboard));
                    for (JsonNode panel : json.get("panels")) {
                        for (JsonNode target : panel.get("targets")) {
                            queries.add(dashboard.getFileName() + " / " + panel.get("title").asString() + " :: "
                                    + target.get("expr").asString());
                        }
                    }
                }
            }
            assertThat(queries).hasSizeGreaterThanOrEqualTo(25);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                failures.clear();
                for (String query : queries) {
                    String expr = query.substring(query.indexOf(" :: ") + 4);
                    JsonNode response = query(api, expr);
                    if (!"success".equals(response.get("status").asString())) {
                        failures.add(query + " → invalid: " + response);
                    } else if (response.get("data").get("result").isEmpty()) {
                        failures.add(query + " → no data");
                    }
                }
                return failures.isEmpty();
            });
            assertThat(failures).isEmpty();

            Map<String, Object> rules;
            try (InputStream in = Files.newInputStream(OPS.resolve("prometheus/rules.yml"))) {
                rules = new Yaml().load(in);
            }
            int alerts = 0;
            for (Object group : (List<?>) rules.get("groups")) {
                for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                    String expr = String.valueOf(((Map<?, ?>) rule).get("expr"));
                    assertThat(query(api, expr).get("status").asString()).as(expr).isEqualTo("success");
                    alerts++;
                }
            }
            assertThat(alerts).isGreaterThanOrEqualTo(5);
            JsonNode loaded = Http.JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/v1/rules")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertThat(loaded.get("data").get("groups").size()).isEqualTo(2);
        } finally {
            prometheus.destroy();
            prometheus.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static List<JsonNode> result(String api, String expr) throws Exception {
        JsonNode response = query(api, expr);
        List<JsonNode> out = new ArrayList<>();
        response.path("data").path("result").forEach(out::add);
        return out;
    }

    private static JsonNode query(String api, String expr) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api
                + URLEncoder.encode(expr, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        return Http.JSON.readTree(response.body());
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv("PATH").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    private static int run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        if (exit != 0) {
            System.err.println(String.join(" ", command) + "\n" + output);
        }
        return exit;
    }
}
