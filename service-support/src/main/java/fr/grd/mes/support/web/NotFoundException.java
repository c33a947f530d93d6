package fr.grd.mes.support.web;

/** The addressed resource does not exist (or is not the caller's to see). Rendered as a 404 problem+json. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
