package fr.grd.mes.contract.domain.amendment;

import fr.grd.mes.contract.domain.amendment.ContributionLine.PricingBasis;
import fr.grd.mes.contract.domain.amendment.ContributionLine.Scope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Annexe 3 worked by hand (the arithmetic is in the comments) and checked against the computation. */
class Annexe3WorkedExamplesTest {

    static ContributionLine line(String name, PricingBasis basis, Scope scope, String q, String pu, String r, String vat) {
        return new ContributionLine(name, basis, scope, new BigDecimal(q), new BigDecimal(pu), new BigDecimal(r),
                new BigDecimal(vat));
    }

    @Test
    void contributionOfAnFcsAmendmentWithHorrWorksAndTheSrrrerQuota() {
        var c = Annexe3.compute(List.of(
                // M1 = 1 × 1500.00 = 1500.00 ; réfaction 40 % = 600.00 ; MT1 = 900.00
                line("Part Fixe Branchement (C_fB)", PricingBasis.FCS, Scope.ORR, "1", "1500.00", "40", "20"),
                // M6 = 120.5 × 85.40 = 10290.70 ; réfaction 40 % = 4116.28 ; MT6 = 6174.42
                line("Part Variable Extension HTA (C_vE^HTA)", PricingBasis.FCS, Scope.ORR, "120.5", "85.40", "40", "20"),
                // HORR: M6' = 30 × 85.40 = 2562.00 ; réfaction 0 %
                line("Part Variable Extension HTA (C_vE^HTA)", PricingBasis.FCS, Scope.HORR, "30", "85.40", "0", "20"),
                // quote-part SRRRER: 250 × 12.34 = 3085.00
                line("Quote Part SRRRER", PricingBasis.SRRRER, Scope.ORR, "250", "12.34", "0", "20")));
        assertThat(c.subtotalOrrFcs()).isEqualByComparingTo("11790.70");
        assertThat(c.subtotalHorrFcs()).isEqualByComparingTo("2562.00");
        assertThat(c.subtotalSrrrer()).isEqualByComparingTo("3085.00");
        // MT_TVX = 11790.70 + 2562.00 + 3085.00 = 17437.70 ; MT_Réf = 600.00 + 4116.28 = 4716.28
        assertThat(c.worksTotal()).isEqualByComparingTo("17437.70");
        assertThat(c.refaction()).isEqualByComparingTo("4716.28");
        // MT = 12721.42 ; MTVA = 12721.42 × 20 % = 2544.284 → 2544.28 ; C = 15265.70
        assertThat(c.totalExclTax()).isEqualByComparingTo("12721.42");
        assertThat(c.vat()).isEqualByComparingTo("2544.28");
        assertThat(c.totalInclTax()).isEqualByComparingTo("15265.70");
        // A = 5000 + 0.1 × (15265.70 − 10000) − 1000.00 (PRAC deposit) = 4526.57
        assertThat(Annexe3.deposit(c.totalInclTax(), new BigDecimal("1000.00"), false)).isEqualByComparingTo("4526.57");
        assertThat(Annexe3.deposit(c.totalInclTax(), BigDecimal.ZERO, true)).isEqualByComparingTo("0.00");
    }

    @Test
    void twoVatRatesAreComputedSeparately() {
        var c = Annexe3.compute(List.of(
                line("Branchement", PricingBasis.CR, Scope.ORR, "1", "2000.00", "40", "20"),
                // 999.99 × 40 % = 399.996 → 400.00 ; MT = 599.99 ; VAT 5.5 % = 32.99945 → 33.00
                line("Réseau BT", PricingBasis.CR, Scope.ORR, "1", "999.99", "40", "5.5")));
        assertThat(c.vatByRate()).containsEntry(new BigDecimal("5.50"), new BigDecimal("33.00"))
                .containsEntry(new BigDecimal("20.00"), new BigDecimal("240.00"));
        assertThat(c.vat()).isEqualByComparingTo("273.00");
        assertThat(c.totalInclTax()).isEqualByComparingTo("2072.99");
        assertThatThrownBy(() -> Annexe3.compute(List.of(
                line("a", PricingBasis.CR, Scope.ORR, "1", "1", "0", "20"),
                line("b", PricingBasis.CR, Scope.ORR, "1", "1", "0", "10"),
                line("c", PricingBasis.CR, Scope.ORR, "1", "1", "0", "5.5")))).hasMessageContaining("two VAT rates");
    }

    @ParameterizedTest(name = "C = {0} € TTC, PRAC deposit {1} → A = {2}")
    @CsvSource({
            "8000.00, 0, 4000.00",          // 0.5 × C
            "10000.00, 0, 5000.00",         // the bound belongs to the first bracket
            "10000.01, 0, 5000.00",         // 5000 + 0.1 × 0.01 = 5000.001
            "149999.99, 0, 19000.00",       // 5000 + 0.1 × 139999.99 = 18999.999 → half-up 19000.00
            "150000.00, 0, 19000.00",       // 19000 + 0.05 × 0
            "200000.00, 0, 21500.00",       // 19000 + 0.05 × 50000
            "8000.00, 6000.00, 0.00"        // a PRAC deposit above A leaves nothing due
    })
    void depositBrackets(String contribution, String prac, String expected) {
        BigDecimal due = Annexe3.deposit(new BigDecimal(contribution), new BigDecimal(prac), false);
        assertThat(due).isEqualByComparingTo(expected);
    }

    @Test
    void mandataireWorksAndTheCapOnTheirRefaction() {
        // PDR ORR 48 000.00 € HT, amendment (Travaux Enedis) 30 500.00 € HT → Travaux Mandataire 17 500.00 € HT
        assertThat(Annexe3.mandataireWorks(new BigDecimal("48000.00"), new BigDecimal("30500.00")))
                .isEqualByComparingTo("17500.00");
        assertThat(Annexe3.creditedRefaction(new BigDecimal("9000.00"), new BigDecimal("7200.00")))
                .isEqualByComparingTo("7200.00");
        assertThat(Annexe3.withinEstimate(new BigDecimal("10000"), new BigDecimal("11500"))).isTrue();
        assertThat(Annexe3.withinEstimate(new BigDecimal("10000"), new BigDecimal("11500.01"))).isFalse();
        assertThat(Annexe3.withinEstimate(new BigDecimal("10000"), new BigDecimal("8500"))).isTrue();
    }

    @Test
    void aLineOutsideTheReferenceOperationHasNoRefaction() {
        assertThatThrownBy(() -> line("x", PricingBasis.FCS, Scope.HORR, "1", "1", "40", "20"))
                .hasMessageContaining("0 % réfaction");
    }
}
