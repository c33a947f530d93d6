package fr.grd.mes.client;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 9457 refusal as the services send it: status, title, detail, and the violations of a 400 (each a field
 * and its reason). A refusal that is not problem+json keeps its status and its text as the detail.
 */
public record Problem(int status, String title, String detail, List<Violation> violations) {
    public record Violation(String field, String reason) {
    }

    static Problem of(int status, JsonNode body, String raw) {
        String statusLine = "HTTP " + status;
        if (body == null || !body.isObject()) {
            return new Problem(status, statusLine, raw == null || raw.isBlank() ? null : raw, List.of());
        }
        List<Violation> violations = new ArrayList<>();
        JsonNode errors = body.get("errors");
        if (errors != null && errors.isArray()) {
            for (JsonNode v : errors) {
                violations.add(new Violation(v.path("field").asString(""), v.path("reason").asString("")));
            }
        }
        return new Problem(status, body.hasNonNull("title") ? body.get("title").asString() : statusLine,
                body.hasNonNull("detail") ? body.get("detail").asString() : null, List.copyOf(violations));
    }

    @Override
    public String toString() {
        return status + " " + title + (detail == null ? "" : ": " + detail)
                + (violations.isEmpty() ? "" : " " + violations);
    }
}
