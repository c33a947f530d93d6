package fr.grd.mes.support.outcome;

/** The action does not apply to the current state of the resource (HTTP: 409). */
public final class Conflict extends Refusal {
    public Conflict(String message) {
        super(message);
    }
}
