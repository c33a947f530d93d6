package fr.grd.mes.request.application;

import fr.grd.mes.request.domain.CatalogueCodes;

import java.util.List;

/**
 * This service's copy of billing's price catalogue versions (the compacted {@code ref.catalogue}). Empty until the
 * first version arrives: additional services are then checked for form only, and billing holds what it cannot price.
 */
public interface KnownCatalogue {
    List<CatalogueCodes> versions();
}
