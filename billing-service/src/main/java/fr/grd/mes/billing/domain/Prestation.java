package fr.grd.mes.billing.domain;

import java.math.BigDecimal;

/** One priced entry of the catalogue ("Catalogue des prestations"): code, label, unit price HT, VAT rate (%). */
public record Prestation(String code, String label, BigDecimal unitPriceExclTax, BigDecimal vatRate) {
}
