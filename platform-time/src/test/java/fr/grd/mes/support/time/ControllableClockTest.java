package fr.grd.mes.support.time;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ControllableClockTest {
    @Test
    void aFixedClockMovesOnlyWhenAdvanced() {
        Instant start = Instant.parse("2026-12-01T07:00:00Z");
        ControllableClock clock = ControllableClock.fixed(start);
        assertThat(Duration.between(start, clock.instant())).isLessThan(Duration.ofMillis(1));
        clock.advance(Duration.ofDays(2));
        assertThat(Duration.between(start.plus(Duration.ofDays(2)), clock.instant())).isLessThan(Duration.ofMillis(1));
    }

    @Test
    void timeNeverMovesBackward() {
        ControllableClock clock = ControllableClock.fixed(Instant.parse("2026-12-01T07:00:00Z"));
        assertThatThrownBy(() -> clock.advance(Duration.ofHours(-1))).isInstanceOf(IllegalArgumentException.class);
        Instant before = clock.instant();
        clock.advanceTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(clock.instant()).isAfterOrEqualTo(before);
    }

    @Test
    void aSimulationRunsFasterThanRealTime() {
        Instant start = Instant.parse("2026-12-01T07:00:00Z");
        ControllableClock clock = ControllableClock.simulation(start, 3600);
        Instant first = clock.instant();
        long realStart = System.nanoTime();
        long realElapsed;
        do {
            realElapsed = System.nanoTime() - realStart;
        } while (realElapsed < 2_000_000);
        Instant second = clock.instant();
        // at least 3600 x the real time measured strictly between the two reads
        assertThat(Duration.between(first, second)).isGreaterThanOrEqualTo(Duration.ofNanos(realElapsed * 3600));
        assertThat(first).isAfterOrEqualTo(start);
        assertThat(clock.getZone()).isEqualTo(BusinessCalendar.PARIS);
    }
}
