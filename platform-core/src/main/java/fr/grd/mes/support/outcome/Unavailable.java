package fr.grd.mes.support.outcome;

/** Something this use case depends on cannot answer now; the caller may retry later (HTTP: 503). */
public final class Unavailable extends Refusal {
    public Unavailable(String message, Throwable cause) {
        super(message);
        initCause(cause);
    }
}
