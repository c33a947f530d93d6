package fr.grd.mes.request.application;

import fr.grd.mes.events.Slot;

import java.time.LocalDate;

/**
 * The charge table's side of coupled booking, as request-service sees it: the place a supplier held is claimed for
 * the case its request makes, before the case is stored. A claim that cannot be made is a
 * {@link fr.grd.mes.support.outcome.Conflict} (with the free places of the next days) or an
 * {@link fr.grd.mes.support.outcome.Invalid}; a charge table that cannot answer, an
 * {@link fr.grd.mes.support.outcome.Unavailable}.
 */
public interface PlaceHoldClaims {
    void claim(String holdId, String caseId, String zone, LocalDate date, Slot slot);
}
