package fr.grd.mes.support.outcome;

/** One bad field of a command and why (a problem+json {@code errors} member over HTTP). */
public record Violation(String field, String reason) {
}
