package fr.grd.mes.contract.adapter.out.mongo;

import fr.grd.mes.contract.application.SupplierRepository;
import fr.grd.mes.contract.domain.supplier.Supplier;
import fr.grd.mes.support.mongo.AggregateStore;
import fr.grd.mes.support.mongo.MongoAggregateRepository;
import org.bson.Document;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/**
 * Suppliers in {@code suppliers}; their flow keys apart in {@code supplier_keys}, a collection the API and the
 * events never read.
 */
@Repository
public class MongoSupplierRepository extends MongoAggregateRepository<Supplier> implements SupplierRepository {
    public static final String COLLECTION = "suppliers";
    static final String KEYS = "supplier_keys";

    public MongoSupplierRepository(AggregateStore store) {
        super(store, Supplier.class, COLLECTION);
    }

    @Override
    public List<Supplier> all() {
        return mongo().findAll(Supplier.class, COLLECTION);
    }

    @Override
    public void putFlowKey(String supplierId, String base64Key) {
        mongo().save(new Document("_id", supplierId).append("aes256", base64Key), KEYS);
    }

    @Override
    public Optional<String> flowKey(String supplierId) {
        return Optional.ofNullable(mongo().findById(supplierId, Document.class, KEYS)).map(d -> d.getString("aes256"));
    }
}
