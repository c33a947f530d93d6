package fr.grd.mes.contract.domain.amendment;

import fr.grd.mes.events.AmendmentVoided;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The money after acceptance (§5.3, §5.4, §6, §13) on the hand-worked template: C = 15 265,70 € TTC (MT = 12 721,42
 * € HT at 20 %), MT_DAR = 1 000,00 €, A = 5 000 + 0,1 × (C − 10 000) − MT_DAR = 4 526,57 €.
 */
class AmendmentMoneyTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private static Amendment accepted(boolean communeFinances) {
        Amendment a = Amendment.draft(AmendmentFixture.termsOf("AV-M", TODAY, false,
                t -> t.put("communeFinancesExtension", communeFinances)));
        AmendmentFixture.withDiagram(a, TODAY).issue(TODAY);
        for (Amendment.Piece piece : a.requiredPieces()) {
            a.receive(piece, TODAY.plusDays(10));
        }
        assertThat(a.getStatus()).isEqualTo(Amendment.Status.ACCEPTED);
        return a;
    }

    private static BigDecimal eur(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void clause53TheDepositPercentageIsAOverCRoundedAndTheAmountExact() {
        Amendment a = accepted(false);
        assertThat(a.contribution().totalInclTax()).isEqualByComparingTo(eur("15265.70"));
        assertThat(a.depositDue()).isEqualByComparingTo(eur("4526.57"));
        assertThat(a.depositPercentage()).isEqualByComparingTo(eur("29.65"));
    }

    @Test
    void clause54TheBalanceAfterARevisionIsTheRevisedContributionLessTheDepositAndThePracDeposit() {
        Amendment a = accepted(false);
        // works finished more than a year after this amendment: (C − A − MT_DAR) in HT revised by 1.1
        Amendment.PriceRevision revised = a.revise(TODAY.plusYears(1).plusDays(1), new BigDecimal("1.1"), Map.of());
        assertThat(revised.firm()).isFalse();
        assertThat(revised.totalExclTax()).isEqualByComparingTo(eur("13533.01"));
        assertThat(revised.vat()).isEqualByComparingTo(eur("2706.60"));
        assertThat(revised.totalInclTax()).isEqualByComparingTo(eur("16239.61"));
        assertThat(revised.depositPaid()).isEqualByComparingTo(eur("4526.57"));
        assertThat(revised.pracDepositPaid()).isEqualByComparingTo(eur("1000.00"));
        assertThat(revised.balanceDue()).isEqualByComparingTo(eur("10713.04"));
    }

    @Test
    void clause54TheAmountIsFirmWhenTheWorksEndWithinOneYearOfThisAmendmentNotOfThePdr() {
        Amendment a = accepted(false);
        assertThat(a.firmUntil()).isEqualTo(TODAY.plusYears(1));
        assertThat(a.getTerms().pdrDate()).isBefore(TODAY);
        Amendment.PriceRevision firm = a.revise(TODAY.plusYears(1), new BigDecimal("1.1"), Map.of());
        assertThat(firm.firm()).isTrue();
        assertThat(firm.totalInclTax()).isEqualByComparingTo(eur("15265.70"));
        assertThat(firm.balanceDue()).isEqualByComparingTo(eur("9739.13"));
        assertThat(firm.indexBase()).isEqualTo(a.getTerms().economicConditionsDate());
    }

    @Test
    void clause54AVatChangeMapsEachRateToItsNewRate() {
        Amendment a = accepted(false);
        Amendment.PriceRevision revised = a.revise(TODAY.plusYears(2), new BigDecimal("1.1"),
                Map.of(new BigDecimal("20"), new BigDecimal("21")));
        assertThat(revised.vatByRate()).singleElement().satisfies(v -> {
            assertThat(v.rate()).isEqualByComparingTo("21");
            assertThat(v.amount()).isEqualByComparingTo(eur("2841.93"));
        });
        assertThat(revised.vat()).isEqualByComparingTo(eur("2841.93"));
        assertThat(revised.balanceDue()).isEqualByComparingTo(eur("10848.37"));
    }

    @Test
    void clause6AVoidRefundsEverythingCashedTheDepositAndThePracDeposit() {
        Amendment a = accepted(true);
        AmendmentVoided voided = a.municipalityDecision(false, TODAY.plusDays(20)).orElseThrow();
        assertThat(voided.refund()).isEqualByComparingTo(eur("5526.57"));
        assertThat(a.getStatus()).isEqualTo(Amendment.Status.VOIDED);
    }

    @Test
    void clause6OnlyACommuneThatFinancesTheExtensionDecidesAnything() {
        Amendment a = accepted(false);
        assertThatThrownBy(() -> a.municipalityDecision(false, TODAY.plusDays(20)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not finance");
        assertThat(a.getStatus()).isEqualTo(Amendment.Status.ACCEPTED);
    }

    @Test
    void clause6AnIssuedAmendmentIsNotVoidedByTheRefusalButItsAcceptanceIsVoidAndNothingCashed() {
        Amendment a = Amendment.draft(AmendmentFixture.termsOf("AV-I", TODAY, false,
                t -> t.put("communeFinancesExtension", true)));
        AmendmentFixture.withDiagram(a, TODAY).issue(TODAY);
        assertThat(a.municipalityDecision(false, TODAY.plusDays(2))).isEmpty();
        assertThat(a.getStatus()).isEqualTo(Amendment.Status.ISSUED);
        Object last = null;
        for (Amendment.Piece piece : a.requiredPieces()) {
            last = a.receive(piece, TODAY.plusDays(10)).orElse(null);
        }
        assertThat(last).isInstanceOfSatisfying(AmendmentVoided.class, voided ->
                assertThat(voided.refund()).as("the PRAC deposit only: A was never cashed")
                        .isEqualByComparingTo(eur("1000.00")));
        assertThat(a.getDepositCashed()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(a.getStatus()).isEqualTo(Amendment.Status.VOIDED);
    }

    @Test
    void clause1011TheLaterOfRuleAppliesOnlyToAFinancingCommunesAgreement() {
        Amendment financing = accepted(true);
        LocalDate dueAtAcceptance = financing.getConnectionAgreementDue();
        financing.municipalityDecision(true, TODAY.plusDays(40));
        assertThat(financing.getConnectionAgreementDue()).isEqualTo(TODAY.plusDays(40)
                .plusWeeks(financing.getTerms().connectionAgreementDelayWeeks())).isAfter(dueAtAcceptance);
    }

    @Test
    void clause8TheWorksEndTheStatedWeeksAfterAcceptance() {
        Amendment a = accepted(false);
        assertThat(a.getWorksPlannedEnd()).isEqualTo(TODAY.plusDays(10).plusWeeks(a.getTerms().executionDelayWeeks()));
    }

    @Test
    void clause13TheLateDeliveryIndemnityIsDueOnlyOnceTheAgreedDatePassedWithoutDelivery() {
        Amendment a = accepted(false);
        LocalDate due = a.getConnectionAgreementDue();
        assertThatThrownBy(() -> a.lateDeliveryClaim(true, TODAY.plusDays(11)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not late");
        assertThatThrownBy(() -> a.lateDeliveryClaim(true, due)).isInstanceOf(IllegalStateException.class);
        assertThat(a.lateDeliveryClaim(true, due.plusDays(1))).isEqualByComparingTo(eur("1500.00"));

        Amendment onTime = accepted(false);
        onTime.connectionAgreementDelivered(onTime.getConnectionAgreementDue());
        assertThatThrownBy(() -> onTime.lateDeliveryClaim(true, onTime.getConnectionAgreementDue().plusDays(30)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("by its due date");
    }

    @Test
    void clause9TheBalanceIsInvoicedAtTheEndOfTheDistributorsWorksAndDue30CalendarDaysLater() {
        Amendment a = accepted(false);
        Amendment.PriceRevision revision = a.revise(TODAY.plusMonths(6), BigDecimal.ONE, Map.of());
        var invoiced = a.invoiceBalance(TODAY.plusMonths(7), revision);
        assertThat(invoiced.balanceInclTax()).isEqualByComparingTo(eur("9739.13"));
        assertThat(invoiced.dueOn()).isEqualTo(TODAY.plusMonths(7).plusDays(30));
        assertThatThrownBy(() -> a.invoiceBalance(TODAY.plusMonths(8), revision)).isInstanceOf(IllegalStateException.class);

        LocalDate due = invoiced.dueOn();
        assertThat(a.remindBalanceIfDue(due.minusDays(8))).isEmpty();
        assertThat(a.remindBalanceIfDue(due.minusDays(7))).isPresent();
        assertThat(a.remindBalanceIfDue(due.minusDays(6))).as("reminded once").isEmpty();
        assertThat(a.flagBalanceOverdue(due)).isEmpty();
        assertThat(a.flagBalanceOverdue(due.plusDays(1))).get().satisfies(o ->
                assertThat(o.balanceInclTax()).isEqualByComparingTo(eur("9739.13")));
        assertThat(a.flagBalanceOverdue(due.plusDays(2))).as("flagged once").isEmpty();
        assertThat(a.isBalanceOverdue()).isTrue();
    }

    @Test
    void clause9APaidBalanceIsNeitherRemindedNorOverdue() {
        Amendment a = accepted(false);
        var invoiced = a.invoiceBalance(TODAY.plusMonths(7), a.revise(TODAY.plusMonths(6), BigDecimal.ONE, Map.of()));
        a.balancePaid(TODAY.plusMonths(7).plusDays(3));
        assertThat(a.remindBalanceIfDue(invoiced.dueOn().minusDays(2))).isEmpty();
        assertThat(a.flagBalanceOverdue(invoiced.dueOn().plusDays(10))).isEmpty();
    }

    @Test
    void annexe3TheReglementRefactionCreditedOnTheMandataireWorksIsCappedAtThePdrs() {
        Amendment a = accepted(false);
        assertThat(a.recordFinalFigures(eur("35000.00"), eur("9000.00"))).as("capped at the PDR's 7 200,00")
                .isEqualByComparingTo(eur("7200.00"));
        assertThat(a.getCreditedMandataireRefaction()).isEqualByComparingTo(eur("7200.00"));
    }

    @Test
    void clause52AnEstimateHoldsOnlyWithinFifteenPercentOfItsAmount() {
        Amendment a = Amendment.draft(AmendmentFixture.termsOf("AV-E", TODAY, false, t -> {
            t.put("contributionBasis", Map.of("basis", "REAL_COSTS", "firmness", "ESTIMATE"));
            t.put("contributionLines", java.util.List.of(
                    AmendmentFixture.line("Réseau HTA", "CR", "ORR", "1", "10000.00", "40", "20")));
            t.put("realCostSplit", Map.of("study", "600.00", "works", "3900.00", "material", "1200.00",
                    "engineering", "300.00"));
        }));
        AmendmentFixture.withDiagram(a, TODAY).issue(TODAY);
        for (Amendment.Piece piece : a.requiredPieces()) {
            a.receive(piece, TODAY.plusDays(10));
        }
        // Travaux Mandataire estimated at 48 000,00 − 6 000,00 = 42 000,00 € HT: ± 15 % is [35 700, 48 300]
        assertThat(a.mandataireWorks()).isEqualByComparingTo(eur("42000.00"));
        assertThatThrownBy(() -> a.recordFinalFigures(eur("48300.01"), eur("1000.00")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("15 %");
        assertThat(a.recordFinalFigures(eur("48300.00"), eur("1000.00"))).isEqualByComparingTo(eur("1000.00"));
    }
}
