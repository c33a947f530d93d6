package fr.grd.mes.client;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client against a real HTTP server on a real socket (the JDK's), not against itself. */
class PlatformClientTest {
    private HttpServer server;
    private final ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
    private PlatformClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " " + body);
            String path = exchange.getRequestURI().getPath();
            byte[] answer;
            if (path.equals("/api/v1/requests")) {
                answer = """
                        {"type":"about:blank","title":"Invalid request","status":400,
                         "errors":[{"field":"pdl","reason":"must be 14 digits"}]}""".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
                exchange.sendResponseHeaders(400, answer.length);
            } else if (path.startsWith("/api/v1/cases/")) {
                answer = "{\"caseId\":\"C1\",\"status\":\"TERMN\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
            } else if (path.startsWith("/api/v1/suppliers/")) {
                answer = "upstream down".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/plain");
                exchange.sendResponseHeaders(503, answer.length);
            } else {
                answer = new byte[0];
                exchange.sendResponseHeaders(204, -1);
            }
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
            exchange.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        client = new PlatformClient(service -> base, "token-1");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aRefusalIsReadAsTheProblemTheServiceSent() {
        Reply reply = client.requests().submit(new RequestApi.MiseEnService("123", "FOURN-ALPHA", "EXPRESS",
                new RequestApi.Client("Client", "+33 6"), new RequestApi.Slot(LocalDate.of(2026, 12, 3), "AM"),
                List.of(), "REF-1", null));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.problem().title()).isEqualTo("Invalid request");
        assertThat(reply.problem().violations()).containsExactly(new Problem.Violation("pdl", "must be 14 digits"));
        assertThatThrownBy(reply::orThrow).isInstanceOf(PlatformRefusal.class).hasMessageContaining("pdl");
        // the date went as ISO text, the absent portal id not at all, the token and the content type were sent
        assertThat(seen.poll()).contains("POST /api/v1/requests Bearer token-1 application/json")
                .contains("\"date\":\"2026-12-03\"").doesNotContain("portalRequestId");
    }

    @Test
    void aTypedReadReturnsTheJsonAndAnotherCallerSendsItsOwnToken() {
        assertThat(client.as("supplier-token").requests().caseView("C1").get("status").asString()).isEqualTo("TERMN");
        assertThat(seen.poll()).startsWith("GET /api/v1/cases/C1 Bearer supplier-token");
    }

    @Test
    void aRefusalThatIsNotJsonKeepsItsStatusAndText() {
        assertThatThrownBy(() -> client.billing().billingLines("FOURN-ALPHA"))
                .isInstanceOfSatisfying(PlatformRefusal.class, refusal -> {
                    assertThat(refusal.status()).isEqualTo(503);
                    assertThat(refusal.problem().detail()).isEqualTo("upstream down");
                });
    }

    @Test
    void anAnswerWithoutBodyIsOk() {
        Reply reply = client.scheduling().setCapacity("PARIS-EST", LocalDate.of(2026, 12, 3), 4, 2);
        assertThat(reply.ok()).isTrue();
        assertThat(reply.body()).isNull();
        assertThat(seen.poll()).startsWith("PUT /api/v1/capacity/PARIS-EST/2026-12-03 Bearer token-1")
                .contains("\"am\":4").contains("\"pm\":2");
    }
}
