package fr.grd.mes.support.outcome;

/**
 * A use case's "no", as a value the caller can act on: the inbound adapter that received the command turns it
 * into its own language (a problem+json status over HTTP, a dead letter on Kafka). Plain Java, so domain and
 * application code can refuse without knowing who asked.
 */
public abstract sealed class Refusal extends RuntimeException permits Conflict, Forbidden, Invalid, NotFound, Unavailable {
    protected Refusal(String message) {
        super(message);
    }
}
