package fr.grd.mes.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * §9: the distributor's works are finished, the balance of the contribution (revised per §5.4, less the deposits) is
 * invoiced; {@code dueOn} is 30 calendar days after the invoice for a requester other than a local authority (none
 * is stated for a local authority: absent).
 */
public record AmendmentBalanceInvoiced(String amendmentId, LocalDate invoicedOn, BigDecimal balanceInclTax,
                                       LocalDate dueOn) implements AmendmentEvent {
}
