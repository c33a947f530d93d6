package fr.grd.mes.contract.application;

import fr.grd.mes.contract.domain.DeliveryPoint;
import fr.grd.mes.support.port.AggregateRepository;

/** Where the delivery points of the referential are kept, by PdL. */
public interface DeliveryPointRepository extends AggregateRepository<DeliveryPoint> {
}
