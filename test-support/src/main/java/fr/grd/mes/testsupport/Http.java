package fr.grd.mes.testsupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client for the tests: real requests on real sockets, JSON in and out. */
public final class Http {
    public static final JsonMapper JSON = JsonMapper.builder().build();
    /** Escapes every non-ASCII character ("\\ud800"), so that text — lone surrogates included — reaches the server as written. */
    public static final JsonMapper ASCII_JSON = JsonMapper.builder()
            .enable(tools.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public record Response(int status, String contentType, JsonNode body, String raw) {
    }

    private static volatile String defaultToken;

    /** The bearer token sent when a call names none (the stack's distributor token). */
    public static void defaultToken(String token) {
        defaultToken = token;
    }

    private Http() {
    }

    public static Response get(String url) {
        return get(url, defaultToken);
    }

    public static Response get(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), token);
    }

    /** GET of a non-JSON resource (Prometheus text, files). */
    public static String text(String url) {
        return exchange(withToken(HttpRequest.newBuilder(URI.create(url)).GET(), defaultToken).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    public static Response post(String url, Object body) {
        return post(url, body, defaultToken);
    }

    public static Response post(String url, Object body, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))),
                token);
    }

    public static Response put(String url, Object body) {
        return put(url, body, defaultToken);
    }

    public static Response put(String url, Object body, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))),
                token);
    }

    /** PUT of raw bytes (a picture) as {@code contentType}. */
    public static Response putBytes(String url, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)), defaultToken);
    }

    /** GET of raw bytes (a picture, a PDF). */
    public static byte[] bytes(String url) {
        HttpResponse<byte[]> response = exchange(withToken(HttpRequest.newBuilder(URI.create(url)).GET(), defaultToken)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static HttpRequest.Builder withToken(HttpRequest.Builder request, String token) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private static Response send(HttpRequest.Builder request, String token) {
        withToken(request, token);
        HttpResponse<String> response = exchange(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        String raw = response.body();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        JsonNode body = raw == null || raw.isBlank() || !contentType.contains("json") ? null : JSON.readTree(raw);
        return new Response(response.statusCode(), contentType, body, raw);
    }

    /** One request on the shared client; an I/O failure or an interruption is the test's failure. */
    private static <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return CLIENT.send(request, body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
