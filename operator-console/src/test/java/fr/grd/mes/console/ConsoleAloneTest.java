package fr.grd.mes.console;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console on its own, as its container runs it: no database, no broker, no dev key. Pages need a session,
 * the sign-in page says where sign-in happens, and security headers are sent.
 */
class ConsoleAloneTest {
    private static ConfigurableApplicationContext console;
    private static String base;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        console = OperatorConsoleApplication.builder().run("--server.port=0");
        base = "http://localhost:" + console.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pagesRedirectToTheSignInWhichNamesTheIdentityProviderWithoutADevKey() throws Exception {
        HttpResponse<String> desk = get("/console/bureau-express");
        assertThat(desk.statusCode()).isEqualTo(302);
        assertThat(desk.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console/connexion"));
        HttpResponse<String> signIn = get("/console/connexion");
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.body()).contains("fournisseur d'identité du distributeur").doesNotContain("connexion-operateur");
        assertThat(signIn.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'"));
        assertThat(signIn.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    void aForgedSignInPostIsRefusedAndSignsNobodyIn() throws Exception {
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/console/connexion"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("role=OPERATOR")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).as("no CSRF token").isEqualTo(403);
        String cookie = post.headers().firstValue("Set-Cookie").orElse("").split(";")[0];
        HttpResponse<String> after = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/console/compteurs"))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).as("still signed out").isEqualTo(302);
    }
}
