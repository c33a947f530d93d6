package fr.grd.mes.support.outcome;

/** The caller may not do this, e.g. a supplier acting for another supplier (HTTP: 403). */
public final class Forbidden extends Refusal {
    public Forbidden(String message) {
        super(message);
    }
}
