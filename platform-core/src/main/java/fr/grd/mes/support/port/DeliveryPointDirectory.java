package fr.grd.mes.support.port;

import java.util.Optional;

/** What this service knows of the distributor's delivery-point referential (a local projection of it). */
public interface DeliveryPointDirectory {
    Optional<KnownDeliveryPoint> find(String pdl);
}
