package fr.grd.mes.support.outcome;

import java.util.List;

/** The command is refused for the listed reasons, all at once; nothing was stored (HTTP: 400). */
public final class Invalid extends Refusal {
    private final List<Violation> violations;

    public Invalid(List<Violation> violations) {
        super("invalid request: " + violations);
        this.violations = List.copyOf(violations);
    }

    public static Invalid of(String field, String reason) {
        return new Invalid(List.of(new Violation(field, reason)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
