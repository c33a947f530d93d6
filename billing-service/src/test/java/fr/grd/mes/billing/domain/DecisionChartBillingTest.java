package fr.grd.mes.billing.domain;

import fr.grd.mes.billing.application.Catalogue;
import fr.grd.mes.events.ChartBranch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static fr.grd.mes.billing.domain.BillingPolicy.Presence.ABSENT;
import static fr.grd.mes.billing.domain.BillingPolicy.Presence.PRESENT;
import static fr.grd.mes.events.ChartBranch.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The billing table of the seed's decision chart ("logigramme"), one row per branch and presence, priced with the
 * initial catalogue (forfait 20.00, express supplement 25.00, wasted trip 30.00 € HT, VAT 20 %).
 */
class DecisionChartBillingTest {
    private static final CatalogueVersion CATALOGUE = Catalogue.initialVersion();

    /** One row per branch × presence, each with its own additional services, priced by the initial catalogue. */
    static Stream<Arguments> branches() {
        return Stream.of(
                row(OPTION_1, PRESENT, List.of("F120X"), List.of("F120B"), "20.00", "24.00",
                        "1. Rendez-vous sous 2 jours ouvrés, client présent : 20 € HT, le supplément demandé n'est pas dû"),
                row(OPTION_1, ABSENT, List.of("RELEVE-SPE"), List.of("DEPL-VAIN"), "30.00", "36.00",
                        "1. Client absent : déplacement vain seul, la prestation demandée n'a pas été réalisée"),
                row(OPTION_2_NOT_ESCALATED, PRESENT, List.of("RELEVE-SPE"), List.of("F120B", "RELEVE-SPE"), "38.52",
                        "46.22", "2. Rendez-vous conservatoire sans appel du fournisseur, client présent : forfait + autre prestation"),
                row(OPTION_2_NOT_ESCALATED, ABSENT, List.of(), List.of("DEPL-VAIN"), "30.00", "36.00",
                        "2. Rendez-vous conservatoire, client absent : déplacement vain"),
                row(OPTION_2_1_1_ADVANCED, PRESENT, List.of("VERIF-CPT", "VERIF-CPT"), List.of("F120B", "F120X", "VERIF-CPT"),
                        "80.57", "96.68", "2.1.1 Rendez-vous avancé, client présent : 45 € HT + autre prestation, une fois"),
                row(OPTION_2_1_1_ADVANCED, ABSENT, List.of("VERIF-CPT"), List.of("DEPL-VAIN"), "30.00", "36.00",
                        "2.1.1 Rendez-vous avancé, client absent : déplacement vain sans supplément express"),
                row(OPTION_2_1_2_CLIENT_UNREACHABLE, PRESENT, List.of("VERIF-CPT"), List.of("F120B", "VERIF-CPT"), "55.57",
                        "66.68", "2.1.2 Client non joignable, rendez-vous initial, client présent : 20 € HT + autre prestation"),
                row(OPTION_2_1_2_CLIENT_UNREACHABLE, ABSENT, List.of("F120B"), List.of("DEPL-VAIN"), "30.00", "36.00",
                        "2.1.2 Client non joignable puis absent : déplacement vain, pas de forfait"),
                row(OPTION_2_1_2_CLIENT_DECLINED, PRESENT, List.of("F120B"), List.of("F120B"), "20.00", "24.00",
                        "2.1.2 Client refusant la date avancée, présent : le forfait une seule fois"),
                row(OPTION_2_1_2_CLIENT_DECLINED, ABSENT, List.of("F120X"), List.of("DEPL-VAIN"), "30.00", "36.00",
                        "2.1.2 Client refusant la date avancée, absent : déplacement vain"),
                row(OPTION_2_2_NOT_ADVANCED, PRESENT, List.of("RELEVE-SPE", "VERIF-CPT"),
                        List.of("F120B", "RELEVE-SPE", "VERIF-CPT"), "74.09", "88.90",
                        "2.2 Rendez-vous non avancé, client présent : supplément express non facturé"),
                row(OPTION_2_2_NOT_ADVANCED, ABSENT, List.of("DEPL-VAIN"), List.of("DEPL-VAIN"), "30.00", "36.00",
                        "2.2 Rendez-vous non avancé, client absent : un seul déplacement vain"));
    }

    private static Arguments row(ChartBranch branch, BillingPolicy.Presence presence, List<String> additionalServices,
                                 List<String> expectedCodes, String totalExclTax, String totalInclTax, String rule) {
        return Arguments.of(rule, branch, presence, additionalServices, expectedCodes, totalExclTax, totalInclTax);
    }

    @org.junit.jupiter.api.Test
    void theTableHasARowForEveryBranchAndPresence() {
        assertThat(branches().map(a -> a.get()[1] + "/" + a.get()[2]).distinct())
                .hasSize(ChartBranch.values().length * BillingPolicy.Presence.values().length);
        for (ChartBranch branch : ChartBranch.values()) {
            assertThat(BillingPolicy.roles(branch, PRESENT)).as(branch.name()).isNotEmpty()
                    .contains(ChartRole.ACCESS_FORFAIT).doesNotContain(ChartRole.WASTED_TRIP);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("branches")
    void eachBranchOfTheChartIsBilledExactly(String rule, ChartBranch branch, BillingPolicy.Presence presence,
                                             List<String> additionalServices, List<String> expectedCodes,
                                             String totalExclTax, String totalInclTax) {
        List<String> codes = BillingPolicy.codes(branch, presence, additionalServices, CATALOGUE);
        InterventionBill bill = InterventionBill.price("A000000001-R1", "A000000001", "09111111111111", "FOURN",
                presence == PRESENT ? "COMPLETED" : "CLIENT_ABSENT", LocalDate.of(2026, 12, 3),
                java.time.Instant.parse("2026-12-03T10:00:00Z"), LocalDate.of(2026, 12, 3), "REF", codes, CATALOGUE);

        assertThat(bill.getLines()).extracting(BillingLine::code).containsExactlyElementsOf(expectedCodes);
        assertThat(bill.totalExclTax()).isEqualTo(new BigDecimal(totalExclTax));
        assertThat(bill.getLines().stream().map(BillingLine::amountInclTax).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualTo(new BigDecimal(totalInclTax));
    }

    @ParameterizedTest(name = "{0} HT at {1} % → VAT {2}, TTC {3}")
    @MethodSource("roundings")
    void moneyIsExactToTheCentWithHalfUpRounding(String unit, String rate, String vat, String ttc) {
        BillingLine line = BillingLine.of(new Prestation("X1", "x", new BigDecimal(unit), new BigDecimal(rate)), 1);
        assertThat(line.vatAmount()).isEqualTo(new BigDecimal(vat));
        assertThat(line.amountInclTax()).isEqualTo(new BigDecimal(ttc));
        assertThat(line.amountExclTax().add(line.vatAmount())).isEqualTo(line.amountInclTax());
        assertThat(line.amountExclTax().scale()).isEqualTo(2);
    }

    static Stream<Arguments> roundings() {
        return Stream.of(Arguments.of("18.52", "20", "3.70", "22.22"),
                Arguments.of("35.57", "20.00", "7.11", "42.68"),
                Arguments.of("10.05", "5.5", "0.55", "10.60"),
                Arguments.of("0.01", "20", "0.00", "0.01"),
                Arguments.of("12.345", "20", "2.47", "14.82"));
    }

    @ParameterizedTest(name = "intervention on {0} is priced by version {1}")
    @MethodSource("datedVersions")
    void theInterventionDatePicksTheCatalogueVersion(LocalDate interventionDate, String expectedVersion) {
        List<CatalogueVersion> versions = List.of(CATALOGUE,
                new CatalogueVersion("2027-08-01", LocalDate.of(2027, 8, 1), CATALOGUE.prestations(),
                        CATALOGUE.chartCodes()));
        assertThat(CatalogueVersion.inForceOn(interventionDate, versions)).get()
                .extracting(CatalogueVersion::id).isEqualTo(expectedVersion);
    }

    static Stream<Arguments> datedVersions() {
        return Stream.of(Arguments.of(LocalDate.of(2027, 7, 31), "2026-01-01"),
                Arguments.of(LocalDate.of(2027, 8, 1), "2027-08-01"),
                Arguments.of(LocalDate.of(2028, 1, 1), "2027-08-01"));
    }

    /** The chart's roles take the codes the catalogue version names: another version, other codes, same rules. */
    @org.junit.jupiter.api.Test
    void theChartsRolesAreBilledUnderTheCodesTheCatalogueNames() {
        CatalogueVersion other = new CatalogueVersion("2027-01-01", LocalDate.of(2027, 1, 1), List.of(
                new Prestation("F120B", "forfait", new BigDecimal("21.00"), new BigDecimal("20")),
                new Prestation("X-EXPRESS", "supplément", new BigDecimal("26.00"), new BigDecimal("20")),
                new Prestation("X-VAIN", "déplacement vain", new BigDecimal("31.00"), new BigDecimal("20"))),
                java.util.Map.of(ChartRole.ACCESS_FORFAIT, "F120B", ChartRole.EXPRESS_SUPPLEMENT, "X-EXPRESS",
                        ChartRole.WASTED_TRIP, "X-VAIN"));
        assertThat(BillingPolicy.codes(OPTION_2_1_1_ADVANCED, PRESENT, List.of(), other))
                .containsExactly("F120B", "X-EXPRESS");
        assertThat(BillingPolicy.codes(OPTION_2_1_1_ADVANCED, ABSENT, List.of("F120B"), other))
                .containsExactly("X-VAIN");
        assertThat(BillingPolicy.codes(OPTION_2_2_NOT_ADVANCED, PRESENT, List.of("X-EXPRESS", "X-VAIN"), other))
                .as("a chart code asked as an additional service is not billed: only the chart bills it")
                .containsExactly("F120B");
        assertThat(other.unpricedRoles()).isEmpty();
        assertThat(new CatalogueVersion("x", LocalDate.of(2027, 1, 1), other.prestations(), java.util.Map.of(
                ChartRole.ACCESS_FORFAIT, "F120B")).unpricedRoles())
                .containsExactly(ChartRole.EXPRESS_SUPPLEMENT, ChartRole.WASTED_TRIP);
    }
}
