package fr.grd.mes.events;

import java.time.LocalDate;

/** The client was absent: no "mise en service", a wasted-trip fee ("déplacement vain"). */
public record ClientAbsent(
        String caseId,
        String appointmentId,
        String pdl,
        String supplierId,
        Version version,
        LocalDate interventionDate,
        boolean advanced,
        String externalReference,
        /** The branch of the decision chart the case followed, as scheduling decided it. */
        ChartBranch branch) {
}
