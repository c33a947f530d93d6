package fr.grd.mes.events;

import java.time.LocalDate;

/** The distributor advanced an express case's appointment with the client's agreement (seed §2.1.1). */
public record AppointmentAdvanced(String caseId, String appointmentId, LocalDate previousDate, Slot previousSlot,
                                  LocalDate date, Slot slot) {
}
