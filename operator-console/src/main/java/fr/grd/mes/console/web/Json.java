package fr.grd.mes.console.web;

import java.util.Map;

/** Reads a nested value of an API answer, null when any step is missing. */
final class Json {
    private Json() {
    }

    static String at(Map<String, Object> root, String... path) {
        Object current = root;
        for (String step : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(step);
        }
        return current == null ? null : current.toString();
    }
}
