package fr.grd.mes.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A supplier's "mise en service" request was found admissible (milestones DMTR and DMREC). */
public record RequestCreated(
        String caseId,
        String pdl,
        String supplierId,
        Version version,
        String zone,
        SupplyState supplyState,
        String clientName,
        String clientPhone,
        LocalDate requestedDate,
        Slot requestedSlot,
        List<String> additionalServices,
        String externalReference,
        Instant receivedAt,
        LocalDate expressDeadline,
        LocalDate standardDeadline,
        /** The place of the charge table the supplier held for this request, if it booked by coupling. */
        String holdId) {
}
