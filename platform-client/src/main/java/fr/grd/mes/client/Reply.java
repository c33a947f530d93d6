package fr.grd.mes.client;

import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;

/**
 * An answer as it came back: the status, the content type, and the body (the JSON tree when the answer is JSON,
 * its text, and its bytes). Reading a reply never throws for its status; {@link #orThrow()} does.
 */
public record Reply(int status, String contentType, JsonNode body, String raw, byte[] bytes) {
    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The body of a 2xx answer; any other status is thrown as the refusal it carries. */
    public JsonNode orThrow() {
        if (!ok()) {
            throw new PlatformRefusal(problem());
        }
        return body;
    }

    /** The refusal this answer carries (problem+json read when there is one, the status line otherwise). */
    public Problem problem() {
        return Problem.of(status, body, raw);
    }

    static Reply of(int status, String contentType, byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        JsonNode tree = null;
        if (contentType.contains("json") && !text.isBlank()) {
            try {
                tree = Json.MAPPER.readTree(text);
            } catch (RuntimeException notJson) {
                tree = null;
            }
        }
        return new Reply(status, contentType, tree, text, content);
    }
}
