package fr.grd.mes.events;

import java.time.Instant;

/**
 * The latest state of a delivery point (PdL) in the distributor's referential; compacted by PdL so a new
 * consumer rebuilds its projection from the topic alone. {@code revision} grows with every change.
 */
public record DeliveryPointChanged(
        String pdl,
        String street,
        String postalCode,
        String city,
        String inseeCode,
        String zone,
        SupplyState supplyState,
        String meterType,
        String currentSupplierId,
        long revision,
        Instant changedAt) {
}
