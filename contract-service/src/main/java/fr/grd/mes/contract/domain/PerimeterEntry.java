package fr.grd.mes.contract.domain;

import java.time.LocalDate;

/** The PdL entered {@code supplierId}'s perimeter on {@code from} with the meter index read that day. */
public record PerimeterEntry(String supplierId, LocalDate from, long meterIndex, String caseId) {
}
