package fr.grd.mes.localstack;

import fr.grd.mes.testsupport.Http;
import fr.grd.mes.localstack.ServiceStack.Service;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens that must not pass (expired, meant for another audience, signed by someone else) and abusive input
 * refused early: an oversize body is 413 and a supplier flooding a service gets 429 with Retry-After, each as
 * problem+json, while its own normal traffic and everybody else's go on.
 */
class AbuseAndTokensIT {

    @Test
    void expiredWrongAudienceAndForeignTokensAreRefused() throws Exception {
        TestStack stack = TestStack.get();
        String url = stack.services.url(Service.BILLING) + "/api/v1/catalogue";
        assertThat(Http.get(url, stack.issuer.mint("ok", List.of("OPERATOR"), null, Duration.ofMinutes(5))).status())
                .isEqualTo(200);
        assertThat(Http.get(url, stack.issuer.mint("late", List.of("OPERATOR"), null, Duration.ofMinutes(-5))).status())
                .isEqualTo(401);
        assertThat(Http.get(url, stack.issuer.mint("other", List.of("OPERATOR"), null, Duration.ofMinutes(5),
                "another-platform")).status()).isEqualTo(401);
        DevJwt stranger = DevJwt.loadOrCreate(java.nio.file.Files.createTempDirectory("stranger-jwt"));
        fr.grd.mes.client.Reply foreign = Http.get(url, stranger.mint("x", List.of("OPERATOR"), null, Duration.ofMinutes(5)));
        assertThat(foreign.status()).isEqualTo(401);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anOversizeBodyIsRefusedBeforeItIsRead() {
        TestStack stack = TestStack.get();
        Map<String, Object> body = CaseFixture.request("12345678901234", "FOURN-BIG", "STANDARD",
                java.time.LocalDate.of(2030, 1, 2), "AM");
        body.put("externalReference", "x".repeat(100_000));
        LocalDate today = LocalDate.now(stack.clock.withZone(java.time.ZoneId.of("Europe/Paris")));
        long before = stack.platform.requests().dailyCounters(today).get("requests").asLong();
        fr.grd.mes.client.Reply response = Http.post(stack.services.url(Service.REQUEST) + "/api/v1/requests", body);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(stack.platform.requests().dailyCounters(today).get("requests").asLong()).as("requests received today")
                .isEqualTo(before);
    }

    @Test
    void aFloodingSupplierIsThrottledAndOthersAreNot() throws Exception {
        TestStack stack = TestStack.get();
        String flooder = stack.issuer.mint("flooder-" + System.nanoTime(), List.of("SUPPLIER"), "FOURN-FLOOD",
                Duration.ofMinutes(5));
        String url = stack.services.url(Service.BILLING) + "/api/v1/catalogue";
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<fr.grd.mes.client.Reply>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            calls.add(pool.submit(() -> Http.get(url, flooder)));
        }
        int ok = 0;
        int throttled = 0;
        fr.grd.mes.client.Reply sample = null;
        for (Future<fr.grd.mes.client.Reply> call : calls) {
            fr.grd.mes.client.Reply response = call.get();
            if (response.status() == 200) {
                ok++;
            } else if (response.status() == 429) {
                throttled++;
                sample = response;
            }
        }
        pool.shutdown();
        assertThat(throttled).isPositive();
        assertThat(ok + throttled).isEqualTo(300);
        assertThat(sample.contentType()).startsWith("application/problem+json");
        // the distributor's tools and other suppliers are not affected by this supplier's flood
        assertThat(Http.get(url).status()).isEqualTo(200);
        assertThat(Http.get(url, stack.issuer.mint("calm", List.of("SUPPLIER"), "FOURN-CALM", Duration.ofMinutes(5)))
                .status()).isEqualTo(200);
    }
}
