package fr.grd.mes.console.web;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FmtTest {
    /** Tuesday 1 December 2026, 08:00 in Paris. */
    private final Fmt fmt = new Fmt(Clock.fixed(Instant.parse("2026-12-01T07:00:00Z"), ZoneOffset.UTC));

    @Test
    void datesAndInstantsAreWrittenInFrenchInParisTime() {
        assertThat(fmt.date("2026-12-02")).isEqualTo("mer. 02/12/2026");
        assertThat(fmt.shortDate("2026-12-25")).isEqualTo("ven. 25/12");
        assertThat(fmt.at("2026-07-01T22:30:00Z")).isEqualTo("02/07/2026 à 00h30");
        assertThat(fmt.today()).hasToString("2026-12-01");
        assertThat(fmt.date(null)).isEqualTo("—");
    }

    @Test
    void moneyHasTwoDecimalsAFrenchCommaAndGroupedThousands() {
        assertThat(fmt.money("20.00")).isEqualTo("20,00 €");
        assertThat(fmt.money("15265.7").replace('\u202f', ' ').replace('\u00a0', ' ')).isEqualTo("15 265,70 €");
        assertThat(fmt.money("0.005")).isEqualTo("0,01 €");
        assertThat(fmt.rate("20.0")).isEqualTo("20 %");
    }

    @Test
    void theCallBackCountdownSaysWhatIsLeftOrHowLateItIs() {
        assertThat(fmt.remaining("2026-12-02T07:00:00Z")).isEqualTo("reste 1 j 0 h");
        assertThat(fmt.remaining("2026-12-01T09:05:00Z")).isEqualTo("reste 2 h 05 min");
        assertThat(fmt.remaining("2026-12-01T06:40:00Z")).isEqualTo("dépassé de 20 min");
        assertThat(fmt.daysLeft("2026-12-01")).isEqualTo("aujourd'hui");
        assertThat(fmt.daysLeft("2026-11-28")).isEqualTo("échu depuis 3 j");
    }

    @Test
    void codesAreShownWithTheSeedsWords() {
        assertThat(fmt.label("AM")).isEqualTo("matin");
        assertThat(fmt.label("CONSERVATORY")).isEqualTo("conservatoire");
        assertThat(fmt.label("NO_SLOT_FOUND")).contains("rendez-vous initial maintenu");
        assertThat(fmt.labels(List.of("SIGNED_AMENDMENT", "DEPOSIT_PAYMENT")))
                .isEqualTo("avenant signé, paiement de l'acompte");
        assertThat(fmt.labels(List.of())).isEqualTo("aucune");
        assertThat(fmt.label("UNKNOWN_CODE")).isEqualTo("UNKNOWN_CODE");
    }
}
