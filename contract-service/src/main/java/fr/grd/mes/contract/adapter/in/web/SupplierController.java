package fr.grd.mes.contract.adapter.in.web;

import fr.grd.mes.contract.application.SupplierRegistry;
import fr.grd.mes.contract.domain.supplier.Supplier;
import fr.grd.mes.events.SupplierRegistered;
import fr.grd.mes.support.security.Caller;
import fr.grd.mes.support.outcome.Invalid;
import fr.grd.mes.support.outcome.Violation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The supplier registry (operators): {@code PUT /api/v1/suppliers/{supplierId}} registers or changes a supplier;
 * {@code GET} shows it (a supplier sees only itself: another's is 404). The flow-encryption key is write-only.
 */
@RestController
@RequestMapping("/api/v1/suppliers")
public class SupplierController {
    private final SupplierRegistry registry;

    public SupplierController(SupplierRegistry registry) {
        this.registry = registry;
    }

    /** Body of the registration; {@code flowEncryptionKey} (AES-256, base64) is optional and never shown back. */
    public record RegistrationBody(String displayName, String eic, String grdfContract, String sshPublicKey,
                                   String flowEncryptionKey) {
    }

    @PutMapping("/{supplierId}")
    public SupplierRegistered register(@PathVariable String supplierId, @RequestBody RegistrationBody body) {
        if (!supplierId.matches("[A-Za-z0-9_-]{1,40}")) {
            throw new Invalid(List.of(new Violation("supplierId", "must be 1-40 letters, digits, _ or -")));
        }
        return registry.register(supplierId, new Supplier.Registration(body.displayName(), body.eic(),
                body.grdfContract(), body.sshPublicKey()), body.flowEncryptionKey()).snapshot();
    }

    @GetMapping("/{supplierId}")
    public SupplierRegistered one(@PathVariable String supplierId) {
        Caller.current().requireVisible(supplierId, "supplier " + supplierId);
        return registry.get(supplierId).snapshot();
    }

    /** The supplier's AES-256 flow key (base64), for the files delivery only (FILES role); 404 when none. */
    @GetMapping("/{supplierId}/flow-key")
    public java.util.Map<String, String> flowKey(@PathVariable String supplierId) {
        return java.util.Map.of("aes256", registry.flowKey(supplierId).orElseThrow(() ->
                new fr.grd.mes.support.outcome.NotFound("supplier " + supplierId + " has no flow key")));
    }

    @GetMapping
    public List<SupplierRegistered> all() {
        return registry.all().stream().map(Supplier::snapshot).toList();
    }
}
