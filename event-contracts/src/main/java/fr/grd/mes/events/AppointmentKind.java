package fr.grd.mes.events;

/**
 * How an appointment came to be: the slot the supplier chose, the first free one after it when it was full,
 * a conservatory appointment (express request with no slot within 2 business days), or an advanced one.
 */
public enum AppointmentKind { REQUESTED, NEXT_FREE, CONSERVATORY, ADVANCED }
