package fr.grd.mes.scheduling.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The distributor's capacity calendar ("tableau de charges"): how many interventions each zone can take per
 * half day, and which appointments hold them. Booking is one conditional atomic update of the slot, so
 * concurrent bookings never exceed capacity, and booking twice for the same appointment holds one place.
 */
public interface ChargeTable {

    /** Holds one place of {@code slot} for {@code appointmentId} if one is free (or already held by it). */
    boolean book(SlotKey slot, String appointmentId);

    /** Gives back the place {@code appointmentId} holds in {@code slot}, if any. */
    void release(SlotKey slot, String appointmentId);

    /** Hands the place {@code from} holds in {@code slot} over to {@code to}, in one update. */
    void transfer(SlotKey slot, String from, String to);

    /**
     * The slot of {@code zone} where {@code appointmentId} holds a place, if any (recovery after a crash
     * mid-booking). An appointment's places are always in its own zone: the search stays within that zone's slots.
     */
    Optional<SlotKey> heldBy(String zone, String appointmentId);

    /** Slots of {@code zone} between two dates (inclusive) that have a free place, in date and slot order. */
    List<SlotCapacity> free(String zone, LocalDate from, LocalDate to);

    /** Every slot of {@code zone} between two dates with its capacity and bookings. */
    List<SlotCapacity> all(String zone, LocalDate from, LocalDate to);

    /** The zones that have at least one half day in the table, in name order. */
    List<String> zones();

    /** Sets the number of technicians' places of a half day; never below the places already booked. */
    SlotCapacity setCapacity(SlotKey slot, int capacity);

    record SlotCapacity(SlotKey key, int capacity, int booked) {
        public int free() {
            return Math.max(0, capacity - booked);
        }
    }
}
