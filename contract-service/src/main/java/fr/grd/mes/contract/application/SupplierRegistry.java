package fr.grd.mes.contract.application;

import fr.grd.mes.contract.domain.supplier.Supplier;
import fr.grd.mes.events.EventTypes;
import fr.grd.mes.events.Topics;
import fr.grd.mes.support.flowfile.SupplierIdentity;
import fr.grd.mes.support.mongo.AggregateStore;
import fr.grd.mes.support.outbox.OutboxWriter;
import fr.grd.mes.support.web.NotFoundException;
import fr.grd.mes.support.web.ValidationFailedException;
import fr.grd.mes.support.web.Violation;
import org.bson.Document;
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
 * files take the supplier's names from here ({@link SupplierIdentity}).
 */
@Service
public class SupplierRegistry implements SupplierIdentity {
    public static final String COLLECTION = "suppliers";
    static final String KEYS = "supplier_keys";

    private final AggregateStore store;
    private final OutboxWriter outbox;
    private final Clock clock;

    public SupplierRegistry(AggregateStore store, OutboxWriter outbox, Clock clock) {
        this.store = store;
        this.outbox = outbox;
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
            throw new ValidationFailedException(violations);
        }
        if (key != null) {
            store.mongo().save(new Document("_id", supplierId).append("aes256", Base64.getEncoder().encodeToString(key)),
                    KEYS);
        }
        boolean encrypted = key != null || store.mongo().findById(supplierId, Document.class, KEYS) != null;
        return store.retrying(() -> {
            Optional<Supplier> existing = find(supplierId);
            Supplier supplier = existing.orElseGet(() -> Supplier.named(supplierId));
            var registered = supplier.register(registration, encrypted, clock.instant());
            outbox.append(supplier, Topics.SUPPLIERS, EventTypes.SUPPLIER_REGISTERED, supplierId, supplierId,
                    supplierId, registered);
            return existing.isPresent() ? store.update(supplier, COLLECTION) : store.insert(supplier, COLLECTION);
        });
    }

    public Optional<Supplier> find(String supplierId) {
        return store.find(supplierId, Supplier.class, COLLECTION);
    }

    public Supplier get(String supplierId) {
        return find(supplierId).orElseThrow(() -> new NotFoundException("supplier " + supplierId + " is not registered"));
    }

    /** The supplier's flow-encryption key (base64), if it has one: the files delivery's only way to it. */
    public Optional<String> flowKey(String supplierId) {
        return Optional.ofNullable(store.mongo().findById(supplierId, Document.class, KEYS)).map(d -> d.getString("aes256"));
    }

    public List<Supplier> all() {
        return store.mongo().findAll(Supplier.class, COLLECTION);
    }

    @Override
    public String eicOf(String supplierId) {
        return find(supplierId).orElseThrow(() -> new Unregistered(supplierId)).getEic();
    }

    @Override
    public String contractOf(String supplierId) {
        return find(supplierId).orElseThrow(() -> new Unregistered(supplierId)).getGrdfContract();
    }
}
