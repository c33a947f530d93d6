package fr.grd.mes.billing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One priced line: quantity × unit price HT, VAT at the prestation's rate, TTC. Money is exact to the cent:
 * each amount is rounded half-up to 2 decimals once, and TTC = HT + VAT so the three always add up.
 */
public record BillingLine(String code, String label, int quantity, BigDecimal unitPriceExclTax,
                          BigDecimal amountExclTax, BigDecimal vatRate, BigDecimal vatAmount,
                          BigDecimal amountInclTax) {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static BillingLine of(Prestation prestation, int quantity) {
        BigDecimal unit = prestation.unitPriceExclTax().setScale(2, RoundingMode.HALF_UP);
        BigDecimal ht = unit.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_UP);
        BigDecimal vat = ht.multiply(prestation.vatRate()).divide(HUNDRED, 2, RoundingMode.HALF_UP);
        return new BillingLine(prestation.code(), prestation.label(), quantity, unit, ht,
                prestation.vatRate().setScale(2, RoundingMode.HALF_UP), vat, ht.add(vat));
    }
}
