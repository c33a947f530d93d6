package fr.grd.mes.contract.adapter.out.mongo;

import fr.grd.mes.contract.application.DeliveryPointRepository;
import fr.grd.mes.contract.domain.DeliveryPoint;
import fr.grd.mes.support.mongo.AggregateStore;
import fr.grd.mes.support.mongo.MongoAggregateRepository;
import org.springframework.stereotype.Repository;

/** The referential's delivery points in {@code delivery_points}, one document each. */
@Repository
public class MongoDeliveryPointRepository extends MongoAggregateRepository<DeliveryPoint>
        implements DeliveryPointRepository {
    public static final String COLLECTION = "delivery_points";

    public MongoDeliveryPointRepository(AggregateStore store) {
        super(store, DeliveryPoint.class, COLLECTION);
    }
}
