package fr.grd.mes.contract.domain.amendment;

import fr.grd.mes.contract.domain.amendment.ContributionLine.PricingBasis;
import fr.grd.mes.contract.domain.amendment.ContributionLine.Scope;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The invariants of the Annexe 3 formulas, for any lines (jqwik). */
class Annexe3PropertiesTest {

    @Provide
    Arbitrary<List<ContributionLine>> lines() {
        Arbitrary<BigDecimal> quantity = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("5000"))
                .ofScale(2);
        Arbitrary<BigDecimal> price = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("20000"))
                .ofScale(2);
        Arbitrary<BigDecimal> refaction = Arbitraries.of("0", "40", "100").map(BigDecimal::new);
        Arbitrary<BigDecimal> vat = Arbitraries.of("20", "5.5").map(BigDecimal::new);
        Arbitrary<ContributionLine> line = Combinators.combine(Arbitraries.of(PricingBasis.class),
                        Arbitraries.of(Scope.class), quantity, price, refaction, vat)
                .as((basis, scope, q, pu, r, t) -> new ContributionLine("component", basis, scope, q, pu,
                        scope == Scope.HORR ? BigDecimal.ZERO : r, t));
        return line.list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 300)
    void totalsAddUp(@ForAll("lines") List<ContributionLine> lines) {
        var c = Annexe3.compute(lines);
        assertThat(c.worksTotal()).isEqualByComparingTo(c.subtotalOrrFcs().add(c.subtotalHorrFcs())
                .add(c.subtotalOrrCr()).add(c.subtotalHorrCr()).add(c.subtotalSrrrer()));
        assertThat(c.totalExclTax()).isEqualByComparingTo(c.worksTotal().subtract(c.refaction()));
        assertThat(c.totalInclTax()).isEqualByComparingTo(c.totalExclTax().add(c.vat()));
        assertThat(c.refaction()).isBetween(BigDecimal.ZERO, c.worksTotal());
        assertThat(c.vat()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
        assertThat(c.totalInclTax().scale()).isEqualTo(2);
    }

    @Property(tries = 200)
    void onlyTheReferenceOperationIsRefacted(@ForAll("lines") List<ContributionLine> lines) {
        List<ContributionLine> horrOnly = lines.stream().map(l -> new ContributionLine(l.designation(), l.basis(),
                Scope.HORR, l.quantity(), l.unitPrice(), BigDecimal.ZERO, l.vatRate())).toList();
        assertThat(Annexe3.compute(horrOnly).refaction()).isEqualByComparingTo("0");
    }

    @Property(tries = 500)
    void theDepositNeverDecreasesWithTheContributionAndIsAtMostHalfOfIt(
            @ForAll @BigRange(min = "0", max = "2000000") @Scale(2) BigDecimal c,
            @ForAll @BigRange(min = "0", max = "5000") @Scale(2) BigDecimal more) {
        BigDecimal a = Annexe3.deposit(c, BigDecimal.ZERO, false);
        assertThat(Annexe3.deposit(c.add(more), BigDecimal.ZERO, false)).isGreaterThanOrEqualTo(a);
        assertThat(a).isLessThanOrEqualTo(c.multiply(new BigDecimal("0.5")).setScale(2, java.math.RoundingMode.HALF_UP));
        assertThat(a).isGreaterThanOrEqualTo(BigDecimal.ZERO);
        assertThat(Annexe3.deposit(c, BigDecimal.ZERO, true)).isEqualByComparingTo("0");
    }

    @Property(tries = 300)
    void aDepositAlreadyPaidIsDeductedButNothingIsEverOwedBack(
            @ForAll @BigRange(min = "0", max = "500000") @Scale(2) BigDecimal c,
            @ForAll @BigRange(min = "0", max = "50000") @Scale(2) BigDecimal prac) {
        BigDecimal gross = Annexe3.deposit(c, BigDecimal.ZERO, false);
        BigDecimal net = Annexe3.deposit(c, prac, false);
        assertThat(net).isEqualByComparingTo(gross.subtract(prac).max(BigDecimal.ZERO));
    }

    @Property(tries = 300)
    void theCreditedRefactionNeverExceedsThePdrs(
            @ForAll @BigRange(min = "0", max = "100000") @Scale(2) BigDecimal claimed,
            @ForAll @BigRange(min = "0", max = "100000") @Scale(2) BigDecimal pdr) {
        assertThat(Annexe3.creditedRefaction(claimed, pdr)).isLessThanOrEqualTo(pdr).isLessThanOrEqualTo(claimed);
    }
}
