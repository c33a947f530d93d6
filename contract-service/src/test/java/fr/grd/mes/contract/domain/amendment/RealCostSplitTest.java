package fr.grd.mes.contract.domain.amendment;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Annexe 3 "Ventilation de la Σ(Coûts Réels) référé": required at real costs, must add up, absent otherwise. */
class RealCostSplitTest {
    private static final ContributionLine BRANCHEMENT = new ContributionLine("Branchement",
            ContributionLine.PricingBasis.CR, ContributionLine.Scope.ORR, BigDecimal.ONE, new BigDecimal("10000.00"),
            new BigDecimal("40"), new BigDecimal("20"));

    private static List<String> problems(AmendmentTerms.ContributionBasis.Basis basis, AmendmentTerms.RealCostSplit split) {
        AmendmentTerms terms = new AmendmentTerms("AV-1", null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null,
                new AmendmentTerms.ContributionBasis(basis, AmendmentTerms.ContributionBasis.Firmness.FIRM), null, null,
                null, List.of(BRANCHEMENT), split, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        return AmendmentValidation.check(terms).stream().filter(p -> p.field().equals("realCostSplit"))
                .map(AmendmentValidation.Problem::reason).toList();
    }

    @Test
    void theSplitOfRealCostsAddsUpToTheRefactedRealCostLines() {
        // 10000.00 − 40 % réfaction = 6000.00 € HT to split
        assertThat(problems(AmendmentTerms.ContributionBasis.Basis.REAL_COSTS, new AmendmentTerms.RealCostSplit(
                new BigDecimal("600.00"), new BigDecimal("3900.00"), new BigDecimal("1200.00"), new BigDecimal("300.00"))))
                .isEmpty();
        assertThat(problems(AmendmentTerms.ContributionBasis.Basis.REAL_COSTS, new AmendmentTerms.RealCostSplit(
                new BigDecimal("600.00"), new BigDecimal("3900.00"), new BigDecimal("1200.00"), new BigDecimal("300.01"))))
                .singleElement().asString().contains("6000.00");
        assertThat(problems(AmendmentTerms.ContributionBasis.Basis.REAL_COSTS, null)).hasSize(1);
        assertThat(problems(AmendmentTerms.ContributionBasis.Basis.FCS, new AmendmentTerms.RealCostSplit(
                BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE))).singleElement().asString()
                .contains("real costs only");
    }
}
