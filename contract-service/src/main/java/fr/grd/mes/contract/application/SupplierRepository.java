package fr.grd.mes.contract.application;

import fr.grd.mes.contract.domain.supplier.Supplier;
import fr.grd.mes.support.port.AggregateRepository;

import java.util.List;
import java.util.Optional;

/** Where registered suppliers are kept, and apart from them their flow-encryption keys (secrets). */
public interface SupplierRepository extends AggregateRepository<Supplier> {
    List<Supplier> all();

    /** Stores (or replaces) the supplier's AES-256 flow key, base64. */
    void putFlowKey(String supplierId, String base64Key);

    Optional<String> flowKey(String supplierId);
}
