package fr.grd.mes.contract.application;

import fr.grd.mes.contract.domain.supplier.Supplier;
import fr.grd.mes.support.port.EventPublisher;
import fr.grd.mes.support.outcome.NotFound;
import fr.grd.mes.support.outcome.Invalid;
import fr.grd.mes.support.outcome.Violation;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The supplier registry: operators register each supplier's EIC, GRD-F contract, display name, SSH public key
 * and, optionally, its AES-256 flow-encryption key. The registration and its SupplierRegistered event (compacted
 * {@code ref.suppliers}, read by the other services for their file names) are one document write; the key is a
 * secret stored apart in {@code supplier_keys}, never returned by the API nor published. This service's own C15
 * files take the supplier's names from here (through {@code adapter.out.sge.RegisteredSuppliers}).
 */
@Service
public class SupplierRegistry {
    private final SupplierRepository suppliers;
    private final EventPublisher events;
    private final Clock clock;

    public SupplierRegistry(SupplierRepository suppliers, EventPublisher events, Clock clock) {
        this.suppliers = suppliers;
        this.events = events;
        this.clock = clock;
    }

    /** @param flowKeyBase64 the AES-256 key (32 bytes, base64) of the supplier's files; null keeps the one held */
    public Supplier register(String supplierId, Supplier.Registration registration, String flowKeyBase64) {
        List<Violation> violations = new java.util.ArrayList<>(Supplier.check(registration).stream()
                .map(p -> new Violation(p.field(), p.reason())).toList());
        byte[] key = null;
        if (flowKeyBase64 != null) {
            try {
                key = Base64.getDecoder().decode(flowKeyBase64.strip());
            } catch (IllegalArgumentException notBase64) {
                key = new byte[0];
            }
            if (key.length != 32) {
                violations.add(new Violation("flowEncryptionKey", "must be an AES-256 key: 32 bytes, base64"));
            }
        }
        if (!violations.isEmpty()) {
            throw new Invalid(violations);
        }
        if (key != null) {
            suppliers.putFlowKey(supplierId, Base64.getEncoder().encodeToString(key));
        }
        boolean encrypted = key != null || suppliers.flowKey(supplierId).isPresent();
        return suppliers.retrying(() -> {
            Optional<Supplier> existing = find(supplierId);
            Supplier supplier = existing.orElseGet(() -> Supplier.named(supplierId));
            var registered = supplier.register(registration, encrypted, clock.instant());
            events.publish(supplier, registered);
            return existing.isPresent() ? suppliers.update(supplier) : suppliers.insert(supplier);
        });
    }

    public Optional<Supplier> find(String supplierId) {
        return suppliers.find(supplierId);
    }

    public Supplier get(String supplierId) {
        return find(supplierId).orElseThrow(() -> new NotFound("supplier " + supplierId + " is not registered"));
    }

    /** The supplier's flow-encryption key (base64), if it has one: the files delivery's only way to it. */
    public Optional<String> flowKey(String supplierId) {
        return suppliers.flowKey(supplierId);
    }

    public List<Supplier> all() {
        return suppliers.all();
    }
}
