package fr.grd.mes.scheduling.domain;

import fr.grd.mes.events.Slot;
import fr.grd.mes.support.aggregate.AggregateRoot;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A place of the charge table that a supplier holds while it finalises its request ("rendez-vous pris par
 * couplage": the supplier books directly in the distributor's charge table, selects the agreed place, then
 * finalises the request). The place is taken from capacity when the hold is made; the request that names the hold
 * claims it, and the appointment is booked on exactly that place. A hold nobody claimed before it expired, or
 * that its supplier let go, gives its place back.
 *
 * <p>It also records the first place that was free in the zone when the hold was made: whether a place was free
 * up to the express deadline is decided from it (a conservatory appointment is one made when none was).
 */
public class PlaceHold extends AggregateRoot {
    /** Recorded, place being taken: a crash here leaves nothing held that the expiry would not give back. */
    public static final String REQUESTED = "REQUESTED";
    public static final String HELD = "HELD";
    /** The place was taken by someone else first: the hold was refused. */
    public static final String REFUSED = "REFUSED";
    public static final String CLAIMED = "CLAIMED";
    public static final String BOOKED = "BOOKED";
    public static final String RELEASED = "RELEASED";

    private String id;
    private String supplierId;
    private String zone;
    private LocalDate date;
    private Slot slot;
    private Instant heldAt;
    private Instant expiresAt;
    private String status;
    private String caseId;
    private Instant claimedUntil;
    private SlotKey firstFreeAtHold;
    private String releasedBecause;

    PlaceHold() {
    }

    public static PlaceHold request(String id, String supplierId, SlotKey place, Instant now, Duration validity) {
        PlaceHold hold = new PlaceHold();
        hold.id = id;
        hold.supplierId = supplierId;
        hold.zone = place.zone();
        hold.date = place.date();
        hold.slot = place.slot();
        hold.heldAt = now;
        hold.expiresAt = now.plus(validity);
        hold.status = REQUESTED;
        return hold;
    }

    /** The place was taken from capacity; {@code firstFree} is the first place that was free in the zone then. */
    public void held(SlotKey firstFree) {
        status = HELD;
        firstFreeAtHold = firstFree;
    }

    public void refused() {
        status = REFUSED;
    }

    /**
     * The request {@code claimingCase} names this hold: from now on it waits for that case's booking (until
     * {@code claimValidity} has passed, when a case that was never stored gives the place back). Claiming again for
     * the same case is harmless. Empty when claimed; otherwise why it cannot be.
     */
    public Optional<String> claim(String claimingCase, Instant now, Duration claimValidity) {
        if ((CLAIMED.equals(status) || BOOKED.equals(status)) && claimingCase.equals(caseId)) {
            return Optional.empty();
        }
        if (CLAIMED.equals(status) || BOOKED.equals(status)) {
            return Optional.of("hold " + id + " is already used by another request");
        }
        if (!HELD.equals(status)) {
            return Optional.of("hold " + id + " is " + status.toLowerCase() + ": its place is no longer held");
        }
        if (!now.isBefore(expiresAt)) {
            return Optional.of("hold " + id + " expired at " + expiresAt + ": its place is no longer held");
        }
        status = CLAIMED;
        caseId = claimingCase;
        claimedUntil = now.plus(claimValidity);
        return Optional.empty();
    }

    /** Whether the appointment of {@code bookingCase} may take this hold's place. */
    public boolean isClaimedBy(String bookingCase) {
        return (CLAIMED.equals(status) || BOOKED.equals(status)) && bookingCase.equals(caseId);
    }

    public void booked() {
        status = BOOKED;
    }

    /** Whether its place goes back to the charge table at {@code now}: expired unclaimed, or claimed and never booked. */
    public boolean isDueForRelease(Instant now) {
        return switch (status) {
            case REQUESTED, HELD -> !now.isBefore(expiresAt);
            case CLAIMED -> !now.isBefore(claimedUntil);
            default -> false;
        };
    }

    /** Whether its supplier may still let it go (it is not yet part of a request). */
    public boolean isReleasable() {
        return REQUESTED.equals(status) || HELD.equals(status);
    }

    public void released(String because) {
        status = RELEASED;
        releasedBecause = because;
    }

    public SlotKey place() {
        return new SlotKey(zone, date, slot);
    }

    @Override
    public String getId() {
        return id;
    }

    public String getSupplierId() {
        return supplierId;
    }

    public String getZone() {
        return zone;
    }

    public LocalDate getDate() {
        return date;
    }

    public Slot getSlot() {
        return slot;
    }

    public Instant getHeldAt() {
        return heldAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public String getStatus() {
        return status;
    }

    public String getCaseId() {
        return caseId;
    }

    public Instant getClaimedUntil() {
        return claimedUntil;
    }

    public SlotKey getFirstFreeAtHold() {
        return firstFreeAtHold;
    }

    public String getReleasedBecause() {
        return releasedBecause;
    }
}
