package fr.grd.mes.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Every acceptance piece arrived before the validity date: the deposit is cashed, the agreement is due. */
public record AmendmentAccepted(String amendmentId, LocalDate acceptedOn, BigDecimal depositCashed,
                                LocalDate connectionAgreementDue) implements AmendmentEvent {
}
