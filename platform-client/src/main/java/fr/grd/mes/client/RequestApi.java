package fr.grd.mes.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static fr.grd.mes.client.PlatformService.REQUEST;

/** request-service: the supplier's request for a mise en service, its case, the express escalation. */
public final class RequestApi {
    /** The body of {@code POST /api/v1/requests}, as the SGE portal sends it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MiseEnService(String pdl, String supplierId, String version, Client client, Slot appointment,
                                List<String> additionalServices, String externalReference, String portalRequestId) {
        public MiseEnService withPortalRequestId(String id) {
            return new MiseEnService(pdl, supplierId, version, client, appointment, additionalServices,
                    externalReference, id);
        }
    }

    public record Client(String name, String phone) {
    }

    /** The half day the supplier asks for: {@code slot} is AM or PM. */
    public record Slot(LocalDate date, String slot) {
    }

    private final PlatformClient client;

    RequestApi(PlatformClient client) {
        this.client = client;
    }

    /** Submits a request; the reply is returned as it is (201 with the case, or the refusal). */
    public Reply submit(MiseEnService request) {
        return client.call("POST", REQUEST, "/api/v1/requests", request);
    }

    /** The case as its supplier and the distributor see it. */
    public JsonNode caseView(String caseId) {
        return client.expect("GET", REQUEST, "/api/v1/cases/" + caseId, null);
    }

    /** The cases of a delivery point, newest first (at most 50). */
    public List<JsonNode> casesOf(String pdl) {
        return PlatformClient.elements(client.expect("GET", REQUEST, "/api/v1/cases?pdl=" + pdl, null));
    }

    /** The counters of one Paris calendar day: {@code requests} received, express ones, escalations, outcomes. */
    public JsonNode dailyCounters(LocalDate day) {
        return client.expect("GET", REQUEST, "/api/v1/statistics/daily?date=" + day, null);
    }

    /** The supplier's call to the "Acheminement" line for an express case on a conservatory appointment. */
    public JsonNode escalate(String caseId, String sgeCaseNumber, String caller) {
        return client.expect("POST", REQUEST, "/api/v1/cases/" + caseId + "/express-escalation",
                Map.of("sgeCaseNumber", sgeCaseNumber, "caller", caller));
    }
}
