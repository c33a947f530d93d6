package fr.grd.mes.localstack;

import fr.grd.mes.simulation.DaySimulation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scripted day (smaller than the demo's 200 requests) through the public APIs: every case ends closed, and
 * what was billed agrees with the branches the cases took — one forfait per completed case, one express
 * supplement and one summary sheet per advanced completed case, one wasted trip per absence.
 */
class DaySimulationIT {
    @Test
    void aScriptedDayBillsEveryBranchAsTheChartSays() throws Exception {
        DaySimulation.Result result = new DaySimulation(TestStack.get().services.client(TestStack.get().issuer.distributorToken()), TestStack.get().clock, 7).run(60);

        int completed = result.cases(b -> b.endsWith("/ CPRE"));
        int absent = result.cases(b -> b.endsWith("/ CPNR"));
        int advancedCompleted = result.cases(b -> b.startsWith("2.1.1") && b.endsWith("/ CPRE"));
        assertThat(completed + absent).isEqualTo(60);
        assertThat(result.cases(b -> b.startsWith("2."))).as("capacity pressure leads to conservatory appointments")
                .isPositive();
        assertThat(result.billedLines().getOrDefault("F120B", 0)).isEqualTo(completed);
        assertThat(result.billedLines().getOrDefault("F120X", 0)).isEqualTo(advancedCompleted);
        assertThat(result.billedLines().getOrDefault("DEPL-VAIN", 0)).isEqualTo(absent);
        assertThat(result.summarySheets()).isEqualTo(advancedCompleted);
        assertThat(result.billedAmounts().getOrDefault("F120B", BigDecimal.ZERO))
                .isEqualByComparingTo(new BigDecimal("20.00").multiply(BigDecimal.valueOf(completed)));
    }
}
