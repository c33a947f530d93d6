package fr.grd.mes.support.port;

/** An aggregate (or a unique key) of that identity is already stored. */
public class AlreadyStored extends RuntimeException {
    public AlreadyStored(String message, Throwable cause) {
        super(message, cause);
    }
}
