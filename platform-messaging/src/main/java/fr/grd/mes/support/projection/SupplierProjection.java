package fr.grd.mes.support.projection;

import fr.grd.mes.support.port.KnownSupplier;
import fr.grd.mes.events.EventEnvelope;
import fr.grd.mes.events.SupplierRegistered;
import fr.grd.mes.events.Topics;
import fr.grd.mes.support.port.SupplierIdentity;
import fr.grd.mes.support.json.EventJson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;

import java.util.Optional;

/**
 * This service's copy of the supplier registry (contract-service's compacted {@code ref.suppliers}), in its own
 * {@code known_suppliers} collection: the names its SGE files give a supplier (EIC, GRD-F contract). A change is
 * applied only if its revision is newer than the one held. A supplier that is not registered has no name in the
 * files: {@link SupplierIdentity.Unregistered}, never a value derived from its id.
 */
public class SupplierProjection implements SupplierIdentity {
    public static final String COLLECTION = "known_suppliers";

    private final MongoTemplate mongo;
    private final EventJson json;

    public SupplierProjection(MongoTemplate mongo, EventJson json) {
        this.mongo = mongo;
        this.json = json;
    }

    @KafkaListener(topics = Topics.SUPPLIERS, groupId = "${spring.application.name}.suppliers",
            properties = "auto.offset.reset=earliest")
    public void on(String value) {
        EventEnvelope<Object> envelope = json.read(value);
        if (envelope.payload() instanceof SupplierRegistered registered) {
            apply(registered);
        }
    }

    public void apply(SupplierRegistered registered) {
        Optional<KnownSupplier> held = find(registered.supplierId());
        if (held.isPresent() && held.get().revision() >= registered.revision()) {
            return;
        }
        mongo.save(KnownSupplier.from(registered), COLLECTION);
    }

    public Optional<KnownSupplier> find(String supplierId) {
        return Optional.ofNullable(mongo.findById(supplierId, KnownSupplier.class, COLLECTION));
    }

    private KnownSupplier registered(String supplierId) {
        return find(supplierId).orElseThrow(() -> new Unregistered(supplierId));
    }

    @Override
    public String eicOf(String supplierId) {
        return registered(supplierId).eic();
    }

    @Override
    public String contractOf(String supplierId) {
        return registered(supplierId).grdfContract();
    }
}
