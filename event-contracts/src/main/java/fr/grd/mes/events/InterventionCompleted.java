package fr.grd.mes.events;

import java.time.LocalDate;
import java.util.List;

/** The technician restored the supply and read the meter index ("index de mise en service"). */
public record InterventionCompleted(
        String caseId,
        String appointmentId,
        String pdl,
        String supplierId,
        Version version,
        LocalDate interventionDate,
        long meterIndex,
        boolean advanced,
        List<String> additionalServices,
        String externalReference,
        /** The branch of the decision chart the case followed, as scheduling decided it. */
        ChartBranch branch) {
}
