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
    void aSimulationRunsFasterThanRealTime() throws InterruptedException {
        Instant start = Instant.parse("2026-12-01T07:00:00Z");
        ControllableClock clock = ControllableClock.simulation(start, 3600);
        long realStart = System.nanoTime();
        Instant read;
        do {
            read = clock.instant();
        } while (System.nanoTime() - realStart < 2_000_000);
        assertThat(Duration.between(start, read)).isGreaterThanOrEqualTo(Duration.ofSeconds(7));
        assertThat(clock.getZone()).isEqualTo(BusinessCalendar.PARIS);
    }
}
