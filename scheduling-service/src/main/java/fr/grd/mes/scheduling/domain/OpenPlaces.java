package fr.grd.mes.scheduling.domain;

import fr.grd.mes.support.time.BusinessCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The places the charge table can still offer: a half day of a business day that has not begun (at its first
 * instant it has not; after, the technician's round is under way). The one rule behind the booking's search, the
 * coupled holds and their "free places", and the express desk's search for an earlier date.
 */
public record OpenPlaces(BusinessCalendar calendar, HalfDays halfDays) {
    public boolean isOpen(SlotKey key, Instant now) {
        return calendar.isBusinessDay(key.date()) && !halfDays.hasStarted(key, now);
    }

    /** The slots of {@code zone} from {@code from} to {@code to} (inclusive) with a free place still open at {@code now}. */
    public List<ChargeTable.SlotCapacity> free(ChargeTable table, String zone, LocalDate from, LocalDate to, Instant now) {
        return table.free(zone, from, to).stream().filter(c -> isOpen(c.key(), now)).toList();
    }
}
