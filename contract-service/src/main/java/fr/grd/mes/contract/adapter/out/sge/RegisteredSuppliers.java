package fr.grd.mes.contract.adapter.out.sge;

import fr.grd.mes.contract.application.SupplierRegistry;
import fr.grd.mes.contract.domain.supplier.Supplier;
import fr.grd.mes.support.port.SupplierIdentity;
import org.springframework.stereotype.Component;

/** The names this service's C15 files give a supplier (EIC, GRD-F contract), read from its own registry. */
@Component
public class RegisteredSuppliers implements SupplierIdentity {
    private final SupplierRegistry registry;

    public RegisteredSuppliers(SupplierRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String eicOf(String supplierId) {
        return registered(supplierId).getEic();
    }

    @Override
    public String contractOf(String supplierId) {
        return registered(supplierId).getGrdfContract();
    }

    private Supplier registered(String supplierId) {
        return registry.find(supplierId).orElseThrow(() -> new Unregistered(supplierId));
    }
}
