package fr.grd.mes.events;

import java.time.LocalDate;

/**
 * The charge table had no free place from the requested date to the end of the booking horizon: the request
 * waits, and is booked (AppointmentBooked) as soon as capacity is added. The supplier is told by its tracking flow.
 *
 * @param searchedUntil the last day the search covered (the booking horizon)
 */
public record AppointmentUnschedulable(String caseId, String appointmentId, String pdl, String zone,
                                       LocalDate requestedDate, Slot requestedSlot, LocalDate searchedUntil) {
}
