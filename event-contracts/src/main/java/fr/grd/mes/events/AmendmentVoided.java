package fr.grd.mes.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The municipality (or EPCI) refused the extension: the acceptance is void and what was paid is refunded. */
public record AmendmentVoided(String amendmentId, LocalDate refusedOn, BigDecimal refund) implements AmendmentEvent {
}
