package fr.grd.mes.events;

import java.time.Instant;

/** Simulation control: every service moves its clock forward to {@code to} (never backward). */
public record ClockAdvanced(Instant to, String requestedVia) {
}
