package fr.grd.mes.support.web;

/** One bad field of a request and why, as listed in a problem+json {@code errors} member. */
public record Violation(String field, String reason) {
}
