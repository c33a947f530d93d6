package fr.grd.mes.support.kafka;

import fr.grd.mes.events.Topics;
import org.apache.kafka.common.TopicPartition;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.core.JacksonException;

/**
 * Poison records never block a partition (DESIGN §3): a failing record is retried with back-off a bounded
 * number of times, then published to {@code <topic>.DLT} with the exception in headers and skipped. Records
 * that can never succeed (unreadable JSON, unknown event type) go to the dead-letter topic at once.
 */
public final class DeadLetters {
    /** Pause between attempts while the store cannot be reached. */
    static final long STORE_RETRY_MILLIS = 500;

    private DeadLetters() {
    }

    /** Whether the failure is the store being unreachable (down, restarting, a network partition). */
    public static boolean storeUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.springframework.dao.DataAccessResourceFailureException
                    || t instanceof com.mongodb.MongoSocketException || t instanceof com.mongodb.MongoTimeoutException
                    || t instanceof com.mongodb.MongoNotPrimaryException
                    || t instanceof com.mongodb.MongoNodeIsRecoveringException) {
                return true;
            }
        }
        return false;
    }

    public static DefaultErrorHandler errorHandler(KafkaTemplate<String, String> template, TopicProvisioner topics,
                                                   int maxAttempts, io.micrometer.core.instrument.MeterRegistry metrics) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template, (record, ex) -> {
            String dlt = Topics.deadLetter(record.topic());
            topics.ensure(dlt);
            metrics.counter("mes.dead.letters", "topic", record.topic()).increment();
            return new TopicPartition(dlt, -1);
        });
        ExponentialBackOff backOff = new ExponentialBackOff(100, 2.0);
        backOff.setMaxAttempts(maxAttempts);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        // the store being down is no fault of the record: wait for the store (every record would fail alike) rather
        // than dead-letter every record that arrives during the outage
        handler.setBackOffFunction((record, failure) -> storeUnavailable(failure)
                ? new org.springframework.util.backoff.FixedBackOff(STORE_RETRY_MILLIS,
                org.springframework.util.backoff.FixedBackOff.UNLIMITED_ATTEMPTS) : null);
        handler.addNotRetryableExceptions(IllegalArgumentException.class, JacksonException.class,
                DuplicateKeyException.class);
        return handler;
    }
}
