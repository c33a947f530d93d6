package fr.grd.mes.contract.domain.amendment;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The template's rules checked at draft, each problem naming the field of the filled template. */
class AmendmentValidationTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private static List<String> problemFields(java.util.function.Consumer<Map<String, Object>> edit) {
        return AmendmentValidation.check(AmendmentFixture.termsOf("AV-1", TODAY, false, edit)).stream()
                .map(AmendmentValidation.Problem::field).toList();
    }

    @Test
    void theHandWorkedTemplateHasNoProblem() {
        assertThat(problemFields(t -> { })).isEmpty();
        assertThat(AmendmentValidation.check(AmendmentFixture.termsOf("AV-2", TODAY, true))).isEmpty();
    }

    @Test
    void theValidityEndsAfterTheAmendmentDate() {
        assertThat(problemFields(t -> t.put("validUntil", TODAY.toString()))).contains("validUntil");
    }

    @Test
    void aCompleteRequestIsNotCompleteBeforeItWasReceived() {
        assertThat(problemFields(t -> t.put("requestComplete", TODAY.minusMonths(5).toString())))
                .contains("requestComplete");
    }

    @Test
    void theConnectionVoltageIs15Or20Kv() {
        assertThat(problemFields(t -> t.put("connectionVoltageKv", 63))).contains("connectionVoltageKv");
    }

    @Test
    void clause53TheDepositPercentageIsAOverCOrLeftOutToBeDerived() {
        assertThat(problemFields(t -> t.put("deposit", Map.of("choice", "NOT_LOCAL_AUTHORITY"))))
                .doesNotContain("deposit.percentage");
        assertThat(AmendmentValidation.check(AmendmentFixture.termsOf("AV-1", TODAY, false, t -> t.put("deposit",
                Map.of("choice", "NOT_LOCAL_AUTHORITY", "percentage", "36.2"))))).singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("deposit.percentage");
                    assertThat(p.reason()).contains("4526.57").contains("15265.70").contains("29.65 %");
                });
        assertThat(problemFields(t -> t.put("deposit", Map.of("choice", "LOCAL_AUTHORITY", "percentage", "10"))))
                .contains("deposit.percentage");
    }

    @Test
    void theAnnexe3NeedsALineAndAtMostTwoVatRates() {
        assertThat(problemFields(t -> t.put("contributionLines", List.of()))).contains("contributionLines");
        assertThat(problemFields(t -> t.put("contributionLines", List.of(
                AmendmentFixture.line("a", "FCS", "ORR", "1", "10.00", "40", "20"),
                AmendmentFixture.line("b", "FCS", "ORR", "1", "10.00", "40", "10"),
                AmendmentFixture.line("c", "FCS", "ORR", "1", "10.00", "40", "5.5")))))
                .contains("contributionLines");
    }

    @Test
    void aVatRateHasAtMostTwoDecimalsAndAQuantityIsPositive() {
        assertThat(problemFields(t -> t.put("contributionLines", List.of(
                AmendmentFixture.line("a", "FCS", "ORR", "0", "10.00", "40", "5.555")))))
                .contains("contributionLines[0].quantity", "contributionLines[0].vatRate");
    }

    @Test
    void theContactEmailIsAnEmailAddress() {
        assertThat(problemFields(t -> t.put("contact", Map.of("name", "J", "phone", "04", "email", "nope"))))
                .contains("contact.email");
    }

    @Test
    void annexe3TheSrrrerQuotaHasNoRefaction() {
        assertThat(problemFields(t -> t.put("contributionLines", List.of(
                AmendmentFixture.line("Quote Part SRRRER", "SRRRER", "ORR", "250", "12.34", "40", "20")))))
                .contains("contributionLines[0].refactionRate");
    }

    @Test
    void theTemplatesThresholdOf250KvaIsOnTheApparentPowerAtTanPhi04() {
        // 240 kW × √1,16 = 258,49 kVA; 230 kW = 247,72 kVA
        assertThat(problemFields(t -> t.put("connectionPowerKw", "240"))).doesNotContain("connectionPowerKw");
        assertThat(problemFields(t -> t.put("connectionPowerKw", "230"))).contains("connectionPowerKw");
    }

    @Test
    void clause34TheBiVoltageSubOptionOnlyWhereTheConnectionVoltageMovesTo20Kv() {
        Map<String, Object> biVoltage = Map.of("choice", "HTA", "voltageKv", 20, "biVoltageTo20kv", true,
                "currentVoltageKv", 15);
        assertThat(problemFields(t -> {
            t.put("connectionVoltageKv", 15);
            t.put("metering", biVoltage);
        })).doesNotContain("metering.biVoltageTo20kv", "metering.currentVoltageKv");
        assertThat(problemFields(t -> {
            t.put("connectionVoltageKv", 20);
            t.put("metering", biVoltage);
        })).contains("metering.biVoltageTo20kv");
    }
}
