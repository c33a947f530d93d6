package fr.grd.mes.scheduling.domain;

import fr.grd.mes.events.Slot;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The charge table's half days in Paris time, by default the morning from 08:00 to 12:00 and the afternoon from
 * 13:30 to 17:30 (a deployment sets its own rounds). A half day that has started can no longer be offered to a
 * client: the technician's round is under way.
 */
public record HalfDays(LocalTime morningStart, LocalTime morningEnd, LocalTime afternoonStart,
                       LocalTime afternoonEnd) {
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    public static final HalfDays DEFAULT = new HalfDays(LocalTime.of(8, 0), LocalTime.of(12, 0),
            LocalTime.of(13, 30), LocalTime.of(17, 30));

    public HalfDays {
        if (!morningStart.isBefore(morningEnd) || morningEnd.isAfter(afternoonStart)
                || !afternoonStart.isBefore(afternoonEnd)) {
            throw new IllegalArgumentException("half days must be in order: morning " + morningStart + "-" + morningEnd
                    + ", afternoon " + afternoonStart + "-" + afternoonEnd);
        }
    }

    public LocalTime startOf(Slot slot) {
        return slot == Slot.AM ? morningStart : afternoonStart;
    }

    /** The instant {@code key}'s half day begins. */
    public Instant start(SlotKey key) {
        return key.date().atTime(startOf(key.slot())).atZone(PARIS).toInstant();
    }

    /** Whether {@code key}'s half day has begun at {@code now} (at its first instant, it has not yet). */
    public boolean hasStarted(SlotKey key, Instant now) {
        return now.isAfter(start(key));
    }
}
