package fr.grd.mes.scheduling.domain;

/** Life of an appointment: booked, then completed or client absent; UNSCHEDULED when no place was found. */
public enum AppointmentStatus { BOOKED, UNSCHEDULED, COMPLETED, CLIENT_ABSENT }
