package fr.grd.mes.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The one HTTP sender of every client of the platform: real requests on real sockets (java.net.http), a bearer
 * token when there is one, the answer read whole into a {@link Reply}. An I/O failure is an
 * {@link UncheckedIOException} (a service down), an interruption keeps the thread's interrupt flag.
 */
public final class HttpTransport {
    private final HttpClient http;
    private final Duration timeout;

    public HttpTransport(Duration connectTimeout, Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        this.timeout = timeout;
    }

    public HttpTransport() {
        this(Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    /**
     * One exchange. {@code body} null sends none; {@code contentType} names it; {@code token} null sends no
     * Authorization header; {@code accept} null asks for anything.
     */
    public Reply exchange(String method, URI uri, String token, String contentType, byte[] body, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null && contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return Reply.of(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + uri + " interrupted", e);
        }
    }

    /** A JSON exchange: {@code body} (a String is sent as it is) written with {@code mapper}. */
    public Reply json(String method, URI uri, String token, Object body, tools.jackson.databind.ObjectMapper mapper) {
        byte[] content = body == null ? null : (body instanceof String s ? s : mapper.writeValueAsString(body))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return exchange(method, uri, token, "application/json", content, null);
    }
}
