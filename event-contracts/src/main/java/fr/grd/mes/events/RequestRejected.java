package fr.grd.mes.events;

import java.time.Instant;
import java.util.List;

/**
 * A request the SGE portal published on {@code sge.requests} that could not become a case: the reason, every
 * bad field, and the original record as received, so the portal can correct and publish it again.
 */
public record RequestRejected(String portalRequestId, String reason, List<FieldError> errors, String originalPayload,
                              Instant rejectedAt) {

    public record FieldError(String field, String reason) {
    }
}
