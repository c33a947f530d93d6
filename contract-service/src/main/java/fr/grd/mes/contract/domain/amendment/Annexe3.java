package fr.grd.mes.contract.domain.amendment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Annexe 3 of the "Avenant L. 342-2" (Enedis-FOR-RAC_056E v2), "Détail de la contribution au coût du
 * raccordement", exact to the cent:
 * <pre>
 * MT_TVX = ST_ORR-FCS + ST_HRR-FCS + ST_ORR-CR + ST_HRR-CR + ST_SRRRER      (sum of the lines' M = Q × PU)
 * MT_Réf = Σ (R_i × M_i) over the ORR lines                                (réfaction on the reference operation)
 * MT     = MT_TVX − MT_Réf
 * MTVA_k = Σ MT_i × TVA_k over the lines at rate k                          (at most two rates)
 * C      = MT + MTVA
 * A      = 0,5 × C − MT_DAR                      if C ≤ 10 k€
 *        = 5 k€ + 0,1 × (C − 10 k€) − MT_DAR     if 10 k€ &lt; C &lt; 150 k€
 *        = 19 k€ + 0,05 × (C − 150 k€) − MT_DAR  if C ≥ 150 k€              (a local authority pays none)
 * </pre>
 * Rounding, stated: each line amount and each line réfaction is rounded half-up to the cent; the VAT of each rate
 * is computed on the sum of the lines' amounts after réfaction at that rate and rounded half-up to the cent; the
 * deposit is rounded half-up to the cent and never negative (a PRAC deposit larger than A leaves nothing due).
 * The SRRRER quota is part of MT_TVX and of the VAT base at its own rate; the seed's réfaction formula covers
 * the ORR lines only, so the quota has no réfaction.
 */
public final class Annexe3 {
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TEN_K = new BigDecimal("10000");
    private static final BigDecimal HUNDRED_FIFTY_K = new BigDecimal("150000");

    private Annexe3() {
    }

    /** Everything the annex shows, from the lines. */
    public record Contribution(BigDecimal subtotalOrrFcs, BigDecimal subtotalHorrFcs, BigDecimal subtotalOrrCr,
                               BigDecimal subtotalHorrCr, BigDecimal subtotalSrrrer, BigDecimal worksTotal,
                               BigDecimal refaction, BigDecimal totalExclTax, Map<BigDecimal, BigDecimal> vatByRate,
                               BigDecimal vat, BigDecimal totalInclTax) {
    }

    public static Contribution compute(List<ContributionLine> lines) {
        long rates = lines.stream().map(l -> l.vatRate().stripTrailingZeros()).distinct().count();
        if (rates > 2) {
            throw new IllegalArgumentException("the annex has at most two VAT rates (TVA1, TVA2), got " + rates);
        }
        BigDecimal orrFcs = subtotal(lines, ContributionLine.PricingBasis.FCS, ContributionLine.Scope.ORR);
        BigDecimal horrFcs = subtotal(lines, ContributionLine.PricingBasis.FCS, ContributionLine.Scope.HORR);
        BigDecimal orrCr = subtotal(lines, ContributionLine.PricingBasis.CR, ContributionLine.Scope.ORR);
        BigDecimal horrCr = subtotal(lines, ContributionLine.PricingBasis.CR, ContributionLine.Scope.HORR);
        BigDecimal srrrer = lines.stream().filter(l -> l.basis() == ContributionLine.PricingBasis.SRRRER)
                .map(ContributionLine::amount).reduce(zero(), BigDecimal::add);
        BigDecimal works = orrFcs.add(horrFcs).add(orrCr).add(horrCr).add(srrrer);
        BigDecimal refaction = lines.stream().map(ContributionLine::refaction).reduce(zero(), BigDecimal::add);
        BigDecimal total = works.subtract(refaction);
        Map<BigDecimal, BigDecimal> vatByRate = new LinkedHashMap<>();
        lines.stream().map(l -> l.vatRate().setScale(2, RoundingMode.HALF_UP)).distinct().sorted().forEach(rate -> {
            BigDecimal base = lines.stream().filter(l -> l.vatRate().compareTo(rate) == 0)
                    .map(ContributionLine::amountAfterRefaction).reduce(zero(), BigDecimal::add);
            vatByRate.put(rate, base.multiply(rate).divide(HUNDRED, 2, RoundingMode.HALF_UP));
        });
        BigDecimal vat = vatByRate.values().stream().reduce(zero(), BigDecimal::add);
        return new Contribution(orrFcs, horrFcs, orrCr, horrCr, srrrer, works, refaction, total, vatByRate, vat,
                total.add(vat));
    }

    /** A: the deposit due on acceptance; none for a local authority (it sends an "ordre de service"). */
    public static BigDecimal deposit(BigDecimal contributionInclTax, BigDecimal pracDepositPaid, boolean localAuthority) {
        if (localAuthority) {
            return zero();
        }
        BigDecimal c = contributionInclTax;
        BigDecimal gross;
        if (c.compareTo(TEN_K) <= 0) {
            gross = c.multiply(new BigDecimal("0.5"));
        } else if (c.compareTo(HUNDRED_FIFTY_K) < 0) {
            gross = new BigDecimal("5000").add(c.subtract(TEN_K).multiply(new BigDecimal("0.1")));
        } else {
            gross = new BigDecimal("19000").add(c.subtract(HUNDRED_FIFTY_K).multiply(new BigDecimal("0.05")));
        }
        BigDecimal due = gross.subtract(pracDepositPaid == null ? BigDecimal.ZERO : pracDepositPaid)
                .setScale(2, RoundingMode.HALF_UP);
        return due.signum() < 0 ? zero() : due;
    }

    /** "Travaux Mandataire": the PDR's ORR amount HT minus this amendment's amount HT (never below zero). */
    public static BigDecimal mandataireWorks(BigDecimal pdrOrrAmountExclTax, BigDecimal amendmentAmountExclTax) {
        BigDecimal amount = pdrOrrAmountExclTax.subtract(amendmentAmountExclTax).setScale(2, RoundingMode.HALF_UP);
        return amount.signum() < 0 ? zero() : amount;
    }

    /** The réfaction credited on the mandataire's works can never exceed the PDR's ORR réfaction. */
    public static BigDecimal creditedRefaction(BigDecimal claimed, BigDecimal pdrOrrRefaction) {
        return claimed.min(pdrOrrRefaction).setScale(2, RoundingMode.HALF_UP);
    }

    /** An estimate ("proposition estimative") stays valid if the final amount is within ± 15 % of it. */
    public static boolean withinEstimate(BigDecimal estimate, BigDecimal finalAmount) {
        BigDecimal margin = estimate.multiply(new BigDecimal("0.15"));
        return finalAmount.compareTo(estimate.subtract(margin)) >= 0 && finalAmount.compareTo(estimate.add(margin)) <= 0;
    }

    private static BigDecimal subtotal(List<ContributionLine> lines, ContributionLine.PricingBasis basis,
                                       ContributionLine.Scope scope) {
        return lines.stream().filter(l -> l.basis() == basis && l.scope() == scope).map(ContributionLine::amount)
                .reduce(zero(), BigDecimal::add);
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
