package fr.grd.mes.console.api;

import fr.grd.mes.client.HttpTransport;
import fr.grd.mes.client.Json;
import fr.grd.mes.client.PlatformService;
import fr.grd.mes.client.Problem;
import fr.grd.mes.client.Reply;
import fr.grd.mes.console.config.ConsoleProperties;
import fr.grd.mes.console.signin.ConsoleUser;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriBuilder;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The services' public APIs as the console calls them, on the platform client's transport
 * ({@link HttpTransport}): every call carries the signed-in user's token, so the services decide what this
 * person may see and do, exactly as for any other client. Answers are plain JSON trees (maps and lists)
 * rendered by the templates; refusals become {@link ApiRefusal}.
 */
@Component
public class PlatformApi {
    private final HttpTransport http = new HttpTransport();
    private final ConsoleProperties properties;

    public PlatformApi(ConsoleProperties properties) {
        this.properties = properties;
    }

    private String base(PlatformService service) {
        return switch (service) {
            case REQUEST -> properties.requestService();
            case SCHEDULING -> properties.schedulingService();
            case BILLING -> properties.billingService();
            case CONTRACT -> properties.contractService();
        };
    }

    private URI uri(PlatformService service, Function<UriBuilder, URI> path) {
        return path.apply(org.springframework.web.util.UriComponentsBuilder.fromUriString(base(service)));
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> object(PlatformService service, Function<UriBuilder, URI> path) {
        return (Map<String, Object>) get(service, path);
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> list(PlatformService service, Function<UriBuilder, URI> path) {
        Object body = get(service, path);
        return body == null ? List.of() : (List<Map<String, Object>>) body;
    }

    /**
     * The object, or empty when the service refuses to show it (missing, another role's, …); an expired session
     * (401) is still thrown, so the page sends the person back to the sign-in.
     */
    public java.util.Optional<Map<String, Object>> objectIfPresent(PlatformService service, Function<UriBuilder, URI> path) {
        try {
            return java.util.Optional.ofNullable(object(service, path));
        } catch (ApiRefusal refusal) {
            if (refusal.status() == 401) {
                throw refusal;
            }
            return java.util.Optional.empty();
        }
    }

    public List<String> strings(PlatformService service, Function<UriBuilder, URI> path) {
        Object body = get(service, path);
        return body == null ? List.of() : ((List<?>) body).stream().map(String::valueOf).toList();
    }

    public Object get(PlatformService service, Function<UriBuilder, URI> path) {
        return tree(accepted(http.exchange("GET", uri(service, path), token(), null, null,
                MediaType.APPLICATION_JSON_VALUE)));
    }

    public byte[] bytes(PlatformService service, Function<UriBuilder, URI> path, MediaType accept) {
        return accepted(http.exchange("GET", uri(service, path), token(), null, null, accept.toString())).bytes();
    }

    public Object post(PlatformService service, Function<UriBuilder, URI> path, Object body) {
        return tree(accepted(http.json("POST", uri(service, path), token(), body, Json.MAPPER)));
    }

    public Object put(PlatformService service, Function<UriBuilder, URI> path, Object body) {
        return tree(accepted(http.json("PUT", uri(service, path), token(), body, Json.MAPPER)));
    }

    /** PUT of raw bytes (a picture) as {@code contentType}. */
    public Object putBytes(PlatformService service, Function<UriBuilder, URI> path, MediaType contentType, byte[] body) {
        return tree(accepted(http.exchange("PUT", uri(service, path), token(), contentType.toString(), body, null)));
    }

    private static String token() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof ConsoleUser user
                ? user.accessToken() : null;
    }

    private static Reply accepted(Reply reply) {
        if (!reply.ok()) {
            throw ApiRefusal.of(reply.problem());
        }
        return reply;
    }

    private static Object tree(Reply reply) {
        return reply.body() == null ? null : Json.MAPPER.treeToValue(reply.body(), Object.class);
    }
}
