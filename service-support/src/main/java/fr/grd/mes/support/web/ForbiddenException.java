package fr.grd.mes.support.web;

/** The caller may not do this (e.g. a supplier acting for another supplier). Rendered as a 403 problem+json. */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
