package fr.grd.mes.client;

import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The platform's public API as one client: where each service answers, whose token is sent, and the typed
 * operations of each service ({@link #requests()}, {@link #scheduling()}, {@link #billing()}, {@link #contracts()},
 * {@link #clock()}). Operations that a caller may expect to be refused return the {@link Reply}; the others return
 * the answer's JSON and throw the {@link PlatformRefusal}. {@link #call} reaches any endpoint not typed here.
 */
public final class PlatformClient {
    private final Function<PlatformService, String> baseUrls;
    private final Supplier<String> token;
    private final HttpTransport transport;

    public PlatformClient(Function<PlatformService, String> baseUrls, Supplier<String> token, HttpTransport transport) {
        this.baseUrls = Objects.requireNonNull(baseUrls);
        this.token = Objects.requireNonNull(token);
        this.transport = Objects.requireNonNull(transport);
    }

    public PlatformClient(Function<PlatformService, String> baseUrls, String token) {
        this(baseUrls, () -> token, new HttpTransport());
    }

    /** The same services with another caller's token (a supplier, a technician). */
    public PlatformClient as(String otherToken) {
        return new PlatformClient(baseUrls, () -> otherToken, transport);
    }

    public String url(PlatformService service, String path) {
        return baseUrls.apply(service) + path;
    }

    /** Any endpoint: {@code body} null sends none, a String is sent as it is, anything else as JSON. */
    public Reply call(String method, PlatformService service, String path, Object body) {
        return transport.json(method, URI.create(url(service, path)), token.get(), body, Json.MAPPER);
    }

    public Reply get(PlatformService service, String path) {
        return call("GET", service, path, null);
    }

    /** A 2xx answer's JSON, any other status thrown as its refusal. */
    public JsonNode expect(String method, PlatformService service, String path, Object body) {
        return call(method, service, path, body).orThrow();
    }

    public RequestApi requests() {
        return new RequestApi(this);
    }

    public SchedulingApi scheduling() {
        return new SchedulingApi(this);
    }

    public BillingApi billing() {
        return new BillingApi(this);
    }

    public ContractApi contracts() {
        return new ContractApi(this);
    }

    public ClockApi clock() {
        return new ClockApi(this);
    }

    /** The elements of a JSON array answer, as a list. */
    static java.util.List<JsonNode> elements(JsonNode array) {
        java.util.List<JsonNode> elements = new java.util.ArrayList<>();
        array.forEach(elements::add);
        return elements;
    }
}
