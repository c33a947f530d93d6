package fr.grd.mes.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;

import static fr.grd.mes.client.PlatformService.CONTRACT;

/** contract-service: the supplier registry and the delivery points (PdL) with their supply state. */
public final class ContractApi {
    /** A delivery point as the distributor registers it; {@code supplyState} COUP, LIMI or ALIM. */
    public record DeliveryPoint(String street, String postalCode, String city, String inseeCode, String zone,
                                String supplyState, String meterType) {
    }

    /** A supplier's registry entry; the SSH key and the flow key are optional. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Supplier(String displayName, String eic, String grdfContract, String sshPublicKey,
                           String flowEncryptionKey) {
    }

    private final PlatformClient client;

    ContractApi(PlatformClient client) {
        this.client = client;
    }

    /** Registers or replaces a delivery point; the reply is returned as it is. */
    public Reply putDeliveryPoint(String pdl, DeliveryPoint point) {
        return client.call("PUT", CONTRACT, "/api/v1/delivery-points/" + pdl, point);
    }

    public boolean deliveryPointExists(String pdl) {
        return client.get(CONTRACT, "/api/v1/delivery-points/" + pdl).status() == 200;
    }

    /** The referential's delivery point: address, zone, supply state, current supplier, revision. */
    public JsonNode deliveryPoint(String pdl) {
        return client.expect("GET", CONTRACT, "/api/v1/delivery-points/" + pdl, null);
    }

    /** The amendments to HTA connection proposals, by end of validity (at most 500). */
    public java.util.List<JsonNode> amendments() {
        return PlatformClient.elements(client.expect("GET", CONTRACT, "/api/v1/amendments?limit=500", null));
    }

    public JsonNode putSupplier(String supplierId, Supplier supplier) {
        return client.expect("PUT", CONTRACT, "/api/v1/suppliers/" + supplierId, supplier);
    }
}
