package fr.grd.mes.billing.application;

import fr.grd.mes.billing.domain.CatalogueVersion;

import java.util.List;

/** Where the dated catalogue versions are kept; a version, once stored, is never changed. */
public interface CatalogueVersions {
    boolean isEmpty();

    /** Stores a new version; one of the same id (effective date) raises {@code AlreadyStored}. */
    void add(CatalogueVersion version);

    /** Every version, oldest first. */
    List<CatalogueVersion> all();
}
