package fr.grd.mes.events;

import java.time.LocalDate;

/**
 * Contractual flow record, modelled on the C15 event model: the PdL enters the supplier's perimeter
 * (event nature MES) on the intervention date with the meter index read.
 */
public record ContractualRecord(
        String eventType,
        String eventNature,
        LocalDate eventDate,
        String caseId,
        String requesterReference,
        String pdl,
        String supplierId,
        long meterIndex,
        SupplyState supplyState,
        String contractualState) {
}
