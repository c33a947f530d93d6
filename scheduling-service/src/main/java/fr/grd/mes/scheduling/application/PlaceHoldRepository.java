package fr.grd.mes.scheduling.application;

import fr.grd.mes.scheduling.domain.PlaceHold;
import fr.grd.mes.support.port.AggregateRepository;

import java.time.Instant;
import java.util.List;

/** Where the places suppliers hold in the charge table are kept. */
public interface PlaceHoldRepository extends AggregateRepository<PlaceHold> {
    /** Ids of the holds that may be due for release at {@code now}: not yet booked, released or refused. */
    List<String> idsPendingAt(Instant now);
}
