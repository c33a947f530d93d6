package fr.grd.mes.contract.domain;

import java.time.LocalDate;

/**
 * The PdL entered {@code supplierId}'s perimeter on {@code from} with the meter index read that day, through
 * case {@code caseId} (the supplier's own reference {@code requesterReference}); recorded at {@code recordedAt}.
 */
public record PerimeterEntry(String supplierId, LocalDate from, long meterIndex, String caseId,
                             String requesterReference, java.time.Instant recordedAt) {
}
