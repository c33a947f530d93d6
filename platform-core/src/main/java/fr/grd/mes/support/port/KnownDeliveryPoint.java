package fr.grd.mes.support.port;

import fr.grd.mes.events.DeliveryPointChanged;
import fr.grd.mes.events.SupplyState;

/**
 * A service's local copy of one delivery point of the distributor's referential (owned by contract-service),
 * rebuilt from the compacted {@code ref.delivery-points} topic. Never edited here.
 */
public record KnownDeliveryPoint(String id, String zone, SupplyState supplyState, String inseeCode, String meterType,
                                 String currentSupplierId, long revision) {

    public static KnownDeliveryPoint from(DeliveryPointChanged changed) {
        return new KnownDeliveryPoint(changed.pdl(), changed.zone(), changed.supplyState(), changed.inseeCode(),
                changed.meterType(), changed.currentSupplierId(), changed.revision());
    }
}
