package fr.grd.mes.events;

import java.time.Instant;
import java.time.LocalDate;

/** A case was closed: CPRE (prestation réalisée) or CPNR (prestation non réalisée). */
public record CaseClosed(String caseId, String pdl, String closureCode, LocalDate effectiveInterventionDate,
                         Instant closedAt) {
}
