package fr.grd.mes.support.port;

import fr.grd.mes.events.SupplierRegistered;

/**
 * A service's local copy of one supplier of the supplier registry (owned by contract-service), rebuilt from the
 * compacted {@code ref.suppliers} topic: the names its SGE files give the supplier. Never edited here.
 */
public record KnownSupplier(String id, String eic, String grdfContract, long revision) {

    public static KnownSupplier from(SupplierRegistered registered) {
        return new KnownSupplier(registered.supplierId(), registered.eic(), registered.grdfContract(),
                registered.revision());
    }
}
