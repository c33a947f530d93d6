package fr.grd.mes.scheduling.domain;

import fr.grd.mes.events.Slot;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The half days' boundaries are the deployment's: a round that starts later is still open at 10:00. */
class HalfDaysTest {
    private static final SlotKey TUESDAY_MORNING = new SlotKey("Z", LocalDate.of(2026, 12, 1), Slot.AM);
    private static final Instant TEN_IN_PARIS = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void aHalfDayHasStartedFromItsConfiguredStart() {
        assertThat(HalfDays.DEFAULT.hasStarted(TUESDAY_MORNING, TEN_IN_PARIS)).isTrue();
        HalfDays lateRounds = new HalfDays(LocalTime.of(10, 30), LocalTime.of(13, 0), LocalTime.of(14, 0),
                LocalTime.of(18, 0));
        assertThat(lateRounds.hasStarted(TUESDAY_MORNING, TEN_IN_PARIS)).isFalse();
        assertThat(lateRounds.hasStarted(TUESDAY_MORNING, Instant.parse("2026-12-01T09:30:00Z")))
                .as("at its first instant it has not yet").isFalse();
        assertThat(lateRounds.hasStarted(TUESDAY_MORNING, Instant.parse("2026-12-01T09:30:01Z"))).isTrue();
    }

    @Test
    void halfDaysOutOfOrderAreRefused() {
        assertThatThrownBy(() -> new HalfDays(LocalTime.of(12, 0), LocalTime.of(8, 0), LocalTime.of(13, 30),
                LocalTime.of(17, 30))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HalfDays(LocalTime.of(8, 0), LocalTime.of(14, 0), LocalTime.of(13, 30),
                LocalTime.of(17, 30))).isInstanceOf(IllegalArgumentException.class);
    }
}
