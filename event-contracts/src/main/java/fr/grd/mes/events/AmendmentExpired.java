package fr.grd.mes.events;

import java.time.LocalDate;
import java.util.List;

/** The validity date passed with pieces missing: no deposit is cashed. */
public record AmendmentExpired(String amendmentId, LocalDate validUntil, List<String> missingPieces)
        implements AmendmentEvent {
}
