package fr.grd.mes.support.web;

/** The action does not apply to the current state of the resource. Rendered as a 409 problem+json. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
