package fr.grd.mes.events;

import java.time.Instant;
import java.time.LocalDate;

/** "Fiche de synthèse" of a closed, advanced express case, issued the day after the intervention. */
public record SummarySheet(String caseId, String pdl, String supplierId, String externalReference,
                           LocalDate effectiveInterventionDate, String closureCode, Instant issuedAt) {
}
