package fr.grd.mes.support.web;

import java.util.List;

/** The request is refused for the listed reasons; nothing was stored. Rendered as a 400 problem+json. */
public class ValidationFailedException extends RuntimeException {
    private final List<Violation> violations;

    public ValidationFailedException(List<Violation> violations) {
        super("invalid request: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
