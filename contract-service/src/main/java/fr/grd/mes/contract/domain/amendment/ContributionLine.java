package fr.grd.mes.contract.domain.amendment;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One line of an Annexe 3 table: a component of the connection works (e.g. "Part Fixe Branchement (C_fB)" priced
 * with the simplified cost formulas, or "Réseau HTA" at real costs), for the reference connection operation (ORR)
 * or outside it (HORR), with its quantity, unit price, réfaction rate and VAT rate (percentages).
 *
 * <p>"Réfaction": the share of the connection cost that the network tariff (TURPE) covers and that is credited to
 * the requester. It applies to ORR lines only; an HORR line always has a 0 % réfaction.
 */
public record ContributionLine(String designation, PricingBasis basis, Scope scope, BigDecimal quantity,
                               BigDecimal unitPrice, BigDecimal refactionRate, BigDecimal vatRate) {

    /** FCS: "Formules de Coûts Simplifiées"; CR: real costs ("coûts réels"); SRRRER: the regional scheme quota. */
    public enum PricingBasis { FCS, CR, SRRRER }

    /** ORR: the reference connection operation ("opération de raccordement de référence"); HORR: beyond it. */
    public enum Scope { ORR, HORR }

    public ContributionLine {
        if (quantity == null || unitPrice == null || refactionRate == null || vatRate == null) {
            throw new IllegalArgumentException("quantity, unit price, réfaction rate and VAT rate are required");
        }
        if (quantity.signum() < 0 || unitPrice.signum() < 0) {
            throw new IllegalArgumentException("quantity and unit price cannot be negative");
        }
        if (refactionRate.signum() < 0 || refactionRate.compareTo(Annexe3.HUNDRED) > 0
                || vatRate.signum() < 0 || vatRate.compareTo(Annexe3.HUNDRED) > 0) {
            throw new IllegalArgumentException("rates are percentages between 0 and 100");
        }
        if (scope == Scope.HORR && refactionRate.signum() != 0) {
            throw new IllegalArgumentException("a line outside the reference operation (HORR) has a 0 % réfaction");
        }
    }

    /** M = Q × PU, "montant HT non réfacté", rounded half-up to the cent. */
    public BigDecimal amount() {
        return quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP);
    }

    /** R × M on an ORR line (0 otherwise), rounded half-up to the cent. */
    public BigDecimal refaction() {
        if (scope != Scope.ORR || basis == PricingBasis.SRRRER) {
            return BigDecimal.ZERO.setScale(2);
        }
        return amount().multiply(refactionRate).divide(Annexe3.HUNDRED, 2, RoundingMode.HALF_UP);
    }

    /** MTi = M − R × M: the line's amount after réfaction, the VAT base. */
    public BigDecimal amountAfterRefaction() {
        return amount().subtract(refaction());
    }
}
