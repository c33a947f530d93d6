package fr.grd.mes.scheduling.domain;

import fr.grd.mes.events.Slot;
import fr.grd.mes.support.time.BusinessCalendar;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** The places the charge table can still offer: business days only, a half day until it begins. */
class OpenPlacesTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final OpenPlaces open = new OpenPlaces(new BusinessCalendar(), HalfDays.DEFAULT);

    private static java.time.Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(PARIS).toInstant();
    }

    @Test
    void aHalfDayIsOpenUntilItsFirstInstantAndClosedAfter() {
        LocalDate tuesday = LocalDate.of(2026, 12, 8);
        SlotKey morning = new SlotKey("Z1", tuesday, Slot.AM);
        SlotKey afternoon = new SlotKey("Z1", tuesday, Slot.PM);
        assertThat(open.isOpen(morning, at(tuesday, 7, 59))).isTrue();
        assertThat(open.isOpen(morning, at(tuesday, 8, 0))).as("at its first instant").isTrue();
        assertThat(open.isOpen(morning, at(tuesday, 8, 1))).isFalse();
        assertThat(open.isOpen(afternoon, at(tuesday, 8, 1))).isTrue();
        assertThat(open.isOpen(afternoon, at(tuesday, 13, 31))).isFalse();
    }

    @Test
    void weekendsAndPublicHolidaysAreNeverOpen() {
        LocalDate saturday = LocalDate.of(2026, 12, 12);
        LocalDate christmas = LocalDate.of(2026, 12, 25);
        assertThat(open.isOpen(new SlotKey("Z1", saturday, Slot.AM), at(saturday.minusDays(3), 9, 0))).isFalse();
        assertThat(open.isOpen(new SlotKey("Z1", christmas, Slot.PM), at(christmas.minusDays(3), 9, 0))).isFalse();
        assertThat(open.isOpen(new SlotKey("Z1", christmas.plusDays(3), Slot.PM), at(christmas.minusDays(3), 9, 0)))
                .as("Monday 28 December").isTrue();
    }
}
