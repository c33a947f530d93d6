package fr.grd.mes.client;

import tools.jackson.databind.JsonNode;

import static fr.grd.mes.client.PlatformService.BILLING;

/** billing-service: what each supplier is billed. */
public final class BillingApi {
    private final PlatformClient client;

    BillingApi(PlatformClient client) {
        this.client = client;
    }

    /** The supplier's billing lines (the content of its F15 flow). */
    public JsonNode billingLines(String supplierId) {
        return client.expect("GET", BILLING, "/api/v1/suppliers/" + supplierId + "/billing-lines", null);
    }

    /** The supplier's billing lines of one case. */
    public java.util.List<JsonNode> billingLines(String supplierId, String caseId) {
        return PlatformClient.elements(client.expect("GET", BILLING, "/api/v1/suppliers/" + supplierId
                + "/billing-lines?caseId=" + caseId, null));
    }
}
