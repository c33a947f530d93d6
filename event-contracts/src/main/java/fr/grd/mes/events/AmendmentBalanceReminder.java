package fr.grd.mes.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The balance invoice of an amendment falls due soon and is not paid: a reminder, once. */
public record AmendmentBalanceReminder(String amendmentId, LocalDate dueOn, BigDecimal balanceInclTax)
        implements AmendmentEvent {
}
