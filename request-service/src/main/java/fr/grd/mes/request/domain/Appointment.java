package fr.grd.mes.request.domain;

import fr.grd.mes.events.AppointmentKind;
import fr.grd.mes.events.Slot;

import java.time.LocalDate;

/** The case's current appointment as scheduling-service booked it. */
public record Appointment(String id, LocalDate date, Slot slot, AppointmentKind kind) {
}
