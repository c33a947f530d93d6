package fr.grd.mes.events;

/** Half-day slot of an appointment ("demi-journée"). */
public enum Slot { AM, PM }
