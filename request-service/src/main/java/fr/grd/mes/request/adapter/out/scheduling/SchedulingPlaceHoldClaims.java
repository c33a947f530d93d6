package fr.grd.mes.request.adapter.out.scheduling;

import fr.grd.mes.events.Slot;
import fr.grd.mes.request.application.PlaceHoldClaims;
import fr.grd.mes.support.outcome.Conflict;
import fr.grd.mes.support.outcome.Invalid;
import fr.grd.mes.support.outcome.Unavailable;
import fr.grd.mes.support.outcome.Violation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Claims a hold on scheduling-service's {@code POST /api/v1/holds/{id}/claim}, with the supplier's own token (the
 * hold is the supplier's: scheduling checks it is), and turns scheduling's problem documents into refusals that
 * keep their reasons and free places.
 */
@Component
public class SchedulingPlaceHoldClaims implements PlaceHoldClaims {
    private final RestClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    public SchedulingPlaceHoldClaims(RestClient.Builder builder,
                                     @Value("${mes.scheduling.url:http://localhost:8082}") String schedulingUrl,
                                     @Value("${mes.scheduling.timeout:PT5S}") Duration timeout) {
        this.http = builder.baseUrl(schedulingUrl)
                .requestFactory(ClientHttpRequestFactoryBuilder.jdk().build(HttpClientSettings.defaults()
                        .withConnectTimeout(timeout).withReadTimeout(timeout)))
                .build();
    }

    @Override
    public void claim(String holdId, String caseId, String zone, LocalDate date, Slot slot) {
        try {
            http.post().uri("/api/v1/holds/{id}/claim", holdId)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + callersToken())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("caseId", caseId, "zone", zone, "date", date.toString(), "slot", slot.name()))
                    .retrieve()
                    .onStatus(HttpStatusCode::isError, (request, response) -> {
                        throw refusal(holdId, response.getStatusCode().value(),
                                new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                    })
                    .toBodilessEntity();
        } catch (ResourceAccessException down) {
            throw new Unavailable("the charge table cannot confirm hold " + holdId + " now; retry the request", down);
        }
    }

    private RuntimeException refusal(String holdId, int status, String body) {
        JsonNode problem = body.isBlank() ? json.createObjectNode() : json.readTree(body);
        String detail = problem.path("detail").asString("hold " + holdId + " could not be claimed");
        return switch (status) {
            case 400 -> new Invalid(List.of(new Violation("appointment.holdId", detail)));
            case 404 -> new Conflict("hold " + holdId + " not found: hold a place of the charge table first",
                    Map.of("freePlaces", List.of()));
            case 409 -> new Conflict(detail, Map.of("freePlaces", freePlaces(problem)));
            default -> new Unavailable("the charge table answered " + status + " for hold " + holdId + ": " + detail,
                    null);
        };
    }

    private List<Object> freePlaces(JsonNode problem) {
        List<Object> places = new ArrayList<>();
        problem.path("freePlaces").forEach(place -> places.add(json.convertValue(place, Map.class)));
        return places;
    }

    private static String callersToken() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return jwt.getToken().getTokenValue();
        }
        throw new Invalid(List.of(new Violation("appointment.holdId",
                "a hold is claimed with the supplier's own token: only requests over HTTP may name one")));
    }
}
