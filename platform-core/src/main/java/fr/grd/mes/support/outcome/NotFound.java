package fr.grd.mes.support.outcome;

/** The addressed resource does not exist, or is not the caller's to see (HTTP: 404). */
public final class NotFound extends Refusal {
    public NotFound(String message) {
        super(message);
    }
}
