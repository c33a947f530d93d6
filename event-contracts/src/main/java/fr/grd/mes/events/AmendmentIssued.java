package fr.grd.mes.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An "Avenant L. 342-2" was issued to the requester: valid until {@code validUntil}, with its contribution. */
public record AmendmentIssued(String amendmentId, String pdrNumber, LocalDate validUntil,
                              BigDecimal contributionInclTax, BigDecimal depositDue) implements AmendmentEvent {
}
