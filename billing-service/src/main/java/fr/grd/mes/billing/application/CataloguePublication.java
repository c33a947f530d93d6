package fr.grd.mes.billing.application;

import fr.grd.mes.billing.domain.CatalogueVersion;

/**
 * Where the catalogue's versions are told to the other services (request-service checks additional services against
 * them). Versions never change, so telling one again is harmless: every version is told again on start and
 * periodically, which also repairs a version stored but not told (a crash, the broker away).
 */
public interface CataloguePublication {
    void publish(CatalogueVersion version);
}
