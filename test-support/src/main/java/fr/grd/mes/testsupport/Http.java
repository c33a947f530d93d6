package fr.grd.mes.testsupport;

import fr.grd.mes.client.HttpTransport;
import fr.grd.mes.client.Json;
import fr.grd.mes.client.Reply;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;

/**
 * The tests' calls by URL, on the platform client's own transport ({@link HttpTransport}): real requests on real
 * sockets, JSON in and out, the answer as a {@link Reply} whatever its status. Typed operations are on
 * {@link fr.grd.mes.client.PlatformClient}.
 */
public final class Http {
    public static final JsonMapper JSON = Json.MAPPER;
    /** Escapes every non-ASCII character ("\\ud800"), so that text — lone surrogates included — reaches the server as written. */
    public static final JsonMapper ASCII_JSON = Json.ASCII;
    private static final HttpTransport TRANSPORT = new HttpTransport();

    private static volatile String defaultToken;

    /** The bearer token sent when a call names none (the stack's distributor token). */
    public static void defaultToken(String token) {
        defaultToken = token;
    }

    private Http() {
    }

    public static Reply get(String url) {
        return get(url, defaultToken);
    }

    public static Reply get(String url, String token) {
        return TRANSPORT.exchange("GET", URI.create(url), token, null, null, null);
    }

    /** GET of a non-JSON resource (Prometheus text, files). */
    public static String text(String url) {
        return get(url).raw();
    }

    public static Reply post(String url, Object body) {
        return post(url, body, defaultToken);
    }

    public static Reply post(String url, Object body, String token) {
        return TRANSPORT.json("POST", URI.create(url), token, body, JSON);
    }

    public static Reply put(String url, Object body) {
        return put(url, body, defaultToken);
    }

    public static Reply put(String url, Object body, String token) {
        return TRANSPORT.json("PUT", URI.create(url), token, body, JSON);
    }

    /** PUT of raw bytes (a picture) as {@code contentType}. */
    public static Reply putBytes(String url, String contentType, byte[] body) {
        return TRANSPORT.exchange("PUT", URI.create(url), defaultToken, contentType, body, null);
    }

    /** GET of raw bytes (a picture, a PDF). */
    public static byte[] bytes(String url) {
        Reply reply = get(url);
        if (reply.status() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + reply.status());
        }
        return reply.bytes();
    }
}
