package fr.grd.mes.tools.benchmark;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The knee of the open-loop curve: the highest offered rate carried (≥ 95 % of it completed, p99 planned ≤ 1 s). */
class KneeTest {
    private static Phase openLoop(double offered, double achieved, long p99Millis) {
        Histogram planned = new Histogram(3_600_000, 3);
        for (int i = 0; i < 100; i++) {
            planned.recordValue(i < 98 ? 20 : p99Millis);
        }
        return new Phase(offered, 32, 100, 100, achieved, planned, planned,
                new Usage(Map.of(), Map.of(), Map.of(), 30), List.of());
    }

    private static Result curve(Phase... points) {
        return new Result(null, 0, 0, 0, 0, 0, 0, 0, null, null, null, Map.of(), Map.of(), null, null, List.of(points));
    }

    @Test
    void aPointIsCarriedOnlyWithNinetyFivePercentOfItsRateAndAP99UnderOneSecond() {
        assertThat(openLoop(40, 38, 1000).carried()).isTrue();
        assertThat(openLoop(40, 37.9, 100).carried()).as("below 95 % of the offered rate").isFalse();
        assertThat(openLoop(40, 40, 1001).carried()).as("p99 over 1 s").isFalse();
        assertThat(new Phase(0, 64, 100, 100, 90, new Histogram(3), new Histogram(3), null, List.of()).carried())
                .as("a closed-loop point offers no rate to carry").isFalse();
    }

    @Test
    void theKneeIsTheHighestCarriedRateWhateverTheOrderTheyWereMeasuredIn() {
        Result result = curve(openLoop(30, 30, 90), openLoop(60, 50, 2000), openLoop(45, 44, 300),
                openLoop(52.5, 46, 1500), openLoop(22.5, 22.5, 60));
        assertThat(result.knee()).isEqualTo(45);
        assertThat(result.halfKnee()).hasValueSatisfying(p -> assertThat(p.offered()).isEqualTo(22.5));
        assertThat(curve(openLoop(60, 20, 5000)).knee()).isNaN();
        assertThat(curve(openLoop(30, 30, 90), openLoop(40, 40, 90)).halfKnee()).isEmpty();
    }
}
