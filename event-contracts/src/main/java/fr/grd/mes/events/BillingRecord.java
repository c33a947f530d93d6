package fr.grd.mes.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Billing flow record, modelled on an F15 valued element: one priced line of the catalogue. */
public record BillingRecord(
        String caseId,
        String pdl,
        String supplierId,
        String prestationCode,
        String label,
        LocalDate interventionDate,
        LocalDate billingDate,
        int quantity,
        BigDecimal unitPriceExclTax,
        BigDecimal amountExclTax,
        BigDecimal vatRate,
        BigDecimal vatAmount,
        BigDecimal amountInclTax,
        String externalReference) {
}
