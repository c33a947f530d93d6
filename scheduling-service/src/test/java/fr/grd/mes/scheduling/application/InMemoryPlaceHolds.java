package fr.grd.mes.scheduling.application;

import fr.grd.mes.scheduling.domain.PlaceHold;
import fr.grd.mes.support.port.InMemoryRepository;

import java.time.Instant;
import java.util.List;

/** Place holds in memory. */
final class InMemoryPlaceHolds extends InMemoryRepository<PlaceHold> implements PlaceHoldRepository {
    @Override
    public List<String> idsPendingAt(Instant now) {
        return stored.values().stream().filter(h -> h.isDueForRelease(now)).map(PlaceHold::getId).toList();
    }
}
