package fr.grd.mes.localstack;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Docker Compose's health check of the services is the command compose would run, taken from
 * {@code docker-compose.yml} ({@code $$} unescaped as compose does) and run by bash against a service of the
 * local stack: it passes on a ready service and fails on a port that merely accepts connections.
 */
class ComposeHealthCheckIT {
    private final TestStack stack = TestStack.get();

    @SuppressWarnings("unchecked")
    private static List<String> healthCheck() throws Exception {
        Map<String, Object> compose;
        try (InputStream in = Files.newInputStream(Path.of("..", "docker-compose.yml"))) {
            compose = new Yaml().load(in);
        }
        Map<String, Object> service = ((Map<String, Map<String, Object>>) compose.get("services")).get("request-service");
        List<String> test = (List<String>) ((Map<String, Object>) service.get("healthcheck")).get("test");
        assertThat(test.get(0)).isEqualTo("CMD");
        List<String> command = new ArrayList<>();
        test.subList(1, test.size()).forEach(part -> command.add(part.replace("$$", "$")));
        return command;
    }

    private static int run(List<String> command, int port) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        Process process = builder.start();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("the health check ends").isTrue();
        return process.exitValue();
    }

    @Test
    void theComposeHealthCheckPassesOnAReadyService() throws Exception {
        List<String> command = healthCheck();
        assertThat(String.join(" ", command)).contains("/actuator/health/readiness");
        for (ServiceStack.Service service : ServiceStack.Service.values()) {
            assertThat(run(command, stack.services.port(service))).as(service + " is ready").isZero();
        }
    }

    @Test
    void theComposeHealthCheckFailsOnAPortThatOnlyListens() throws Exception {
        try (ServerSocket listening = new ServerSocket(0)) {
            Thread answerNothing = new Thread(() -> {
                try (var socket = listening.accept()) {
                    socket.getOutputStream().write("HTTP/1.0 503 Service Unavailable\r\n\r\n{\"status\":\"DOWN\"}"
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                } catch (Exception ignored) {
                    // the check closed first
                }
            });
            answerNothing.start();
            assertThat(run(healthCheck(), listening.getLocalPort())).as("an open port that is not UP").isNotZero();
            answerNothing.join(5_000);
        }
    }
}
