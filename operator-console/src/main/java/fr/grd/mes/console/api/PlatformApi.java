package fr.grd.mes.console.api;

import fr.grd.mes.console.config.ConsoleProperties;
import fr.grd.mes.console.signin.ConsoleUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The services' public APIs as the console calls them: every call carries the signed-in user's token, so the
 * services decide what this person may see and do, exactly as for any other client. Answers are plain JSON
 * trees (maps and lists) rendered by the templates; refusals become {@link ApiRefusal}.
 */
@Component
public class PlatformApi {
    public enum Service { REQUEST, SCHEDULING, BILLING, CONTRACT }

    private final RestClient http;
    private final ConsoleProperties properties;
    private final JsonMapper json = JsonMapper.builder().build();

    public PlatformApi(RestClient.Builder builder, ConsoleProperties properties) {
        this.http = builder.build();
        this.properties = properties;
    }

    private String base(Service service) {
        return switch (service) {
            case REQUEST -> properties.requestService();
            case SCHEDULING -> properties.schedulingService();
            case BILLING -> properties.billingService();
            case CONTRACT -> properties.contractService();
        };
    }

    private URI uri(Service service, Function<UriBuilder, URI> path) {
        return path.apply(org.springframework.web.util.UriComponentsBuilder.fromUriString(base(service)));
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> object(Service service, Function<UriBuilder, URI> path) {
        return (Map<String, Object>) get(service, path);
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> list(Service service, Function<UriBuilder, URI> path) {
        Object body = get(service, path);
        return body == null ? List.of() : (List<Map<String, Object>>) body;
    }

    /**
     * The object, or empty when the service refuses to show it (missing, another role's, …); an expired session
     * (401) is still thrown, so the page sends the person back to the sign-in.
     */
    public java.util.Optional<Map<String, Object>> objectIfPresent(Service service, Function<UriBuilder, URI> path) {
        try {
            return java.util.Optional.ofNullable(object(service, path));
        } catch (ApiRefusal refusal) {
            if (refusal.status() == 401) {
                throw refusal;
            }
            return java.util.Optional.empty();
        }
    }

    public List<String> strings(Service service, Function<UriBuilder, URI> path) {
        Object body = get(service, path);
        return body == null ? List.of() : ((List<?>) body).stream().map(String::valueOf).toList();
    }

    public Object get(Service service, Function<UriBuilder, URI> path) {
        return http.get().uri(uri(service, path)).headers(this::authorize).accept(MediaType.APPLICATION_JSON)
                .retrieve().onStatus(HttpStatusCode::isError, this::refuse).body(Object.class);
    }

    public byte[] bytes(Service service, Function<UriBuilder, URI> path, MediaType accept) {
        return http.get().uri(uri(service, path)).headers(this::authorize).accept(accept)
                .retrieve().onStatus(HttpStatusCode::isError, this::refuse).body(byte[].class);
    }

    public Object post(Service service, Function<UriBuilder, URI> path, Object body) {
        return http.post().uri(uri(service, path)).headers(this::authorize).contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().onStatus(HttpStatusCode::isError, this::refuse).body(Object.class);
    }

    public Object put(Service service, Function<UriBuilder, URI> path, Object body) {
        return http.put().uri(uri(service, path)).headers(this::authorize).contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().onStatus(HttpStatusCode::isError, this::refuse).body(Object.class);
    }

    /** PUT of raw bytes (a picture) as {@code contentType}. */
    public Object putBytes(Service service, Function<UriBuilder, URI> path, MediaType contentType, byte[] body) {
        return http.put().uri(uri(service, path)).headers(this::authorize).contentType(contentType)
                .body(body).retrieve().onStatus(HttpStatusCode::isError, this::refuse).body(Object.class);
    }

    private void authorize(HttpHeaders headers) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ConsoleUser user) {
            headers.setBearerAuth(user.accessToken());
        }
    }

    private void refuse(org.springframework.http.HttpRequest request, ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        String title = response.getStatusText();
        String detail = null;
        List<String> violations = new ArrayList<>();
        byte[] body = response.getBody().readAllBytes();
        try {
            JsonNode problem = json.readTree(body);
            if (problem.hasNonNull("title")) {
                title = problem.get("title").asString();
            }
            if (problem.hasNonNull("detail")) {
                detail = problem.get("detail").asString();
            }
            JsonNode errors = problem.get("errors");
            if (detail == null && errors != null && errors.isArray()) {
                for (JsonNode v : errors) {
                    violations.add(v.path("field").asString("") + " : " + v.path("reason").asString(""));
                }
            }
        } catch (RuntimeException notJson) {
            detail = body.length == 0 ? null : new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
        throw new ApiRefusal(status, title, detail, violations);
    }
}
