package fr.grd.mes.support.web;

import fr.grd.mes.support.outcome.Violation;
import jakarta.validation.ConstraintViolation;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Bean Validation results as field/reason pairs, with paths as a client writes them ("client.phone", "x[0]"). */
public final class Violations {
    private Violations() {
    }

    public static <T> List<Violation> of(Set<ConstraintViolation<T>> violations) {
        return violations.stream()
                .map(v -> new Violation(v.getPropertyPath().toString().replace(".<list element>", ""), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field)).toList();
    }
}
