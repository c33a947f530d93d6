package fr.grd.mes.scheduling.domain;

import fr.grd.mes.events.Slot;

import java.time.LocalDate;
import java.util.Comparator;

/** One half-day of one zone in the charge table. */
public record SlotKey(String zone, LocalDate date, Slot slot) implements Comparable<SlotKey> {
    private static final Comparator<SlotKey> ORDER = Comparator.comparing(SlotKey::date).thenComparing(SlotKey::slot);

    public String id() {
        return zone + "|" + date + "|" + slot;
    }

    public boolean isBefore(SlotKey other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(SlotKey other) {
        return ORDER.compare(this, other);
    }
}
