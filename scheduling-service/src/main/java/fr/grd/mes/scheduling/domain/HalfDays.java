package fr.grd.mes.scheduling.domain;

import fr.grd.mes.events.Slot;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The charge table's half days in Paris time: the morning from 08:00 to 12:00, the afternoon from 13:30 to 17:30.
 * A half day that has started can no longer be offered to a client: the technician's round is under way.
 */
public final class HalfDays {
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    public static final LocalTime MORNING_START = LocalTime.of(8, 0);
    public static final LocalTime MORNING_END = LocalTime.of(12, 0);
    public static final LocalTime AFTERNOON_START = LocalTime.of(13, 30);
    public static final LocalTime AFTERNOON_END = LocalTime.of(17, 30);

    private HalfDays() {
    }

    public static LocalTime startOf(Slot slot) {
        return slot == Slot.AM ? MORNING_START : AFTERNOON_START;
    }

    /** The instant {@code key}'s half day begins. */
    public static Instant start(SlotKey key) {
        return key.date().atTime(startOf(key.slot())).atZone(PARIS).toInstant();
    }

    /** Whether {@code key}'s half day has begun at {@code now} (at its first instant, it has not yet). */
    public static boolean hasStarted(SlotKey key, Instant now) {
        return now.isAfter(start(key));
    }
}
