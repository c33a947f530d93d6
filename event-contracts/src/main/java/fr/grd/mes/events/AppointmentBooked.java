package fr.grd.mes.events;

import java.time.LocalDate;

/** An appointment was booked in the charge table ("tableau de charges") for a case. */
public record AppointmentBooked(
        String caseId,
        String appointmentId,
        String pdl,
        String zone,
        LocalDate date,
        Slot slot,
        AppointmentKind kind,
        LocalDate requestedDate,
        Slot requestedSlot,
        boolean withinExpressDeadline,
        /** OPTION_1, or OPTION_2_NOT_ESCALATED for a conservatory appointment (no place free up to the deadline). */
        ChartBranch branch) {
}
