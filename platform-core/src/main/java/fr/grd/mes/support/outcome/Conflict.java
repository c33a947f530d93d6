package fr.grd.mes.support.outcome;

import java.util.Map;

/**
 * The action does not apply to the current state of the resource (HTTP: 409). {@code details} are what the caller
 * needs to act on it (the free places when the one asked for is taken, say), added to the problem document.
 */
public final class Conflict extends Refusal {
    private final transient Map<String, Object> details;

    public Conflict(String message) {
        this(message, Map.of());
    }

    public Conflict(String message, Map<String, Object> details) {
        super(message);
        this.details = Map.copyOf(details);
    }

    public Map<String, Object> details() {
        return details;
    }
}
