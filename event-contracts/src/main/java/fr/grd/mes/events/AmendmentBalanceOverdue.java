package fr.grd.mes.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The balance invoice of an amendment was not paid by its due date (§9: 30 calendar days after the invoice). */
public record AmendmentBalanceOverdue(String amendmentId, LocalDate dueOn, BigDecimal balanceInclTax)
        implements AmendmentEvent {
}
