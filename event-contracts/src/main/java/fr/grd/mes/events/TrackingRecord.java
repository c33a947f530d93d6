package fr.grd.mes.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Case-tracking flow record, modelled on the SGE X12 flow: the case, its status (COURS in progress /
 * TERMN finished) and its numbered, dated milestones (DMTR, DMREC, INPL, CPRE, CPNR, ...).
 */
public record TrackingRecord(
        String caseId,
        String pdl,
        String supplierId,
        String externalReference,
        String requestObject,
        String channel,
        Version version,
        String status,
        List<Milestone> milestones,
        LocalDate appointmentDate,
        Slot appointmentSlot,
        LocalDate effectiveInterventionDate,
        String message) {

    public record Milestone(int number, String code, String label, Instant at, String detail) {
    }
}
