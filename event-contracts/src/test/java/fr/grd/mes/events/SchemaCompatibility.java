package fr.grd.mes.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * "Schemas only grow" (DESIGN §2), checked on JSON Schema documents: every property of the previous version is
 * still there with the same type and format, no enum value disappears, no field becomes newly required.
 * Returns the breaking changes found; empty means a consumer of the previous version still reads the new one.
 */
final class SchemaCompatibility {
    private SchemaCompatibility() {
    }

    static List<String> breakingChanges(JsonNode previous, JsonNode current) {
        List<String> problems = new ArrayList<>();
        compare("$", previous, current, problems);
        return problems;
    }

    private static void compare(String path, JsonNode previous, JsonNode current, List<String> problems) {
        if (current == null || current.isMissingNode()) {
            problems.add(path + " was removed");
            return;
        }
        for (String keyword : List.of("type", "format", "$ref", "const")) {
            if (previous.has(keyword) && !previous.get(keyword).equals(current.get(keyword))) {
                problems.add(path + " changed its " + keyword + " from " + previous.get(keyword) + " to "
                        + current.get(keyword));
            }
        }
        if (previous.has("enum")) {
            Set<String> now = new HashSet<>();
            current.path("enum").forEach(value -> now.add(value.asText()));
            previous.get("enum").forEach(value -> {
                if (!now.contains(value.asText())) {
                    problems.add(path + " lost the enum value " + value.asText());
                }
            });
        }
        Set<String> previouslyRequired = new HashSet<>();
        previous.path("required").forEach(name -> previouslyRequired.add(name.asText()));
        current.path("required").forEach(name -> {
            if (!previouslyRequired.contains(name.asText())) {
                problems.add(path + "." + name.asText() + " became required");
            }
        });
        previous.path("properties").properties().forEach(entry ->
                compare(path + "." + entry.getKey(), entry.getValue(), current.path("properties").path(entry.getKey()),
                        problems));
        if (previous.has("items")) {
            compare(path + "[]", previous.get("items"), current.path("items"), problems);
        }
        previous.path("$defs").properties().forEach(entry ->
                compare(path + ".$defs." + entry.getKey(), entry.getValue(), current.path("$defs").path(entry.getKey()),
                        problems));
    }
}
