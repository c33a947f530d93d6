package fr.grd.mes.scheduling.application;

import fr.grd.mes.events.Slot;
import fr.grd.mes.scheduling.domain.OpenPlaces;
import fr.grd.mes.scheduling.domain.ChargeTable;
import fr.grd.mes.scheduling.domain.HalfDays;
import fr.grd.mes.scheduling.domain.PlaceHold;
import fr.grd.mes.scheduling.domain.SlotKey;
import fr.grd.mes.support.outcome.Conflict;
import fr.grd.mes.support.outcome.Invalid;
import fr.grd.mes.support.outcome.NotFound;
import fr.grd.mes.support.outcome.Violation;
import fr.grd.mes.support.time.BusinessCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Coupled booking ("rendez-vous pris par couplage"): a supplier holds a place of the charge table, its request
 * claims the hold, and the appointment is booked on exactly that place. The place is taken from capacity by the
 * charge table's one conditional update, under the hold's id; so 64 suppliers racing for 3 places get 3 holds.
 * A place that is gone is refused with the free places of the next days.
 */
@Service
public class PlaceHolds {
    /** How many business days of free places a refusal lists. */
    static final int FREE_PLACES_DAYS = 5;

    private final PlaceHoldRepository holds;
    private final ChargeTable chargeTable;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final Duration validity;
    private final Duration claimValidity;
    private final int horizon;
    private final HalfDays halfDays;
    private final OpenPlaces openPlaces;

    public PlaceHolds(PlaceHoldRepository holds, ChargeTable chargeTable, BusinessCalendar calendar, HalfDays halfDays,
                      Clock clock,
                      @Value("${mes.scheduling.holds.validity:PT20M}") Duration validity,
                      @Value("${mes.scheduling.holds.claim-validity:P1D}") Duration claimValidity,
                      @Value("${mes.scheduling.horizon-business-days:30}") int horizon) {
        this.holds = holds;
        this.halfDays = halfDays;
        this.openPlaces = new OpenPlaces(calendar, halfDays);
        this.chargeTable = chargeTable;
        this.calendar = calendar;
        this.clock = clock;
        this.validity = validity;
        this.claimValidity = claimValidity;
        this.horizon = horizon;
    }

    /** A free place, as a refusal lists it. */
    public record FreePlace(LocalDate date, Slot slot, int free) {
    }

    /** Holds one place of {@code place} for {@code supplierId}, or refuses with the free places of the next days. */
    public PlaceHold hold(String supplierId, SlotKey place) {
        LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.PARIS));
        List<Violation> violations = new ArrayList<>();
        if (!calendar.isBusinessDay(place.date())) {
            violations.add(new Violation("date", place.date() + " is not a business day"));
        } else if (halfDays.hasStarted(place, clock.instant()) || place.date().isBefore(today)) {
            violations.add(new Violation("date", "the half day " + place.date() + " " + place.slot()
                    + " has already begun: it can no longer be booked"));
        } else if (place.date().isAfter(calendar.addBusinessDays(today, horizon))) {
            violations.add(new Violation("date", "the charge table opens " + horizon + " business days ahead, until "
                    + calendar.addBusinessDays(today, horizon)));
        }
        if (!violations.isEmpty()) {
            throw new Invalid(violations);
        }
        SlotKey firstFree = firstFreePlace(place.zone(), today);
        PlaceHold hold = holds.insert(PlaceHold.request("H-" + UUID.randomUUID(), supplierId, place, clock.instant(),
                validity));
        boolean taken = chargeTable.book(place, hold.getId());
        PlaceHold settled = holds.retrying(() -> {
            PlaceHold fresh = get(hold.getId());
            if (taken) {
                fresh.held(firstFree);
            } else {
                fresh.refused();
            }
            return holds.update(fresh);
        });
        if (!taken) {
            throw placeGone("the place " + place.date() + " " + place.slot() + " of zone " + place.zone()
                    + " is no longer free", place.zone(), place.date());
        }
        return settled;
    }

    /**
     * The request of {@code caseId} names hold {@code holdId}: the hold is the supplier's, in the PdL's zone, on the
     * date and half day asked for, and still held; it then waits for that case's booking. Otherwise a conflict that
     * lists the free places.
     */
    public PlaceHold claim(String holdId, String caseId, String zone, LocalDate date, Slot slot) {
        return holds.retrying(() -> {
            PlaceHold hold = get(holdId);
            if (!hold.getZone().equals(zone)) {
                throw placeGone("hold " + holdId + " is a place of zone " + hold.getZone() + ", the delivery point is in "
                        + "zone " + zone, zone, date);
            }
            if (!hold.getDate().equals(date) || hold.getSlot() != slot) {
                throw new Invalid(List.of(new Violation("appointment", "hold " + holdId + " is for " + hold.getDate()
                        + " " + hold.getSlot() + ", the request asks for " + date + " " + slot)));
            }
            Optional<String> refusal = hold.claim(caseId, clock.instant(), claimValidity);
            if (refusal.isPresent()) {
                throw placeGone(refusal.get(), zone, date);
            }
            return holds.update(hold);
        });
    }

    /** The supplier lets its hold go before using it: the place is free again. */
    public PlaceHold release(String holdId) {
        PlaceHold hold = get(holdId);
        if (!hold.isReleasable()) {
            throw new Conflict("hold " + holdId + " is " + hold.getStatus().toLowerCase()
                    + ": only a hold not yet used by a request can be let go");
        }
        return giveBack(holdId, "LET_GO");
    }

    /** Gives back the places of holds that expired unused, or whose claiming request was never stored. */
    public int releaseDue() {
        int released = 0;
        for (String id : holds.idsPendingAt(clock.instant())) {
            if (get(id).isDueForRelease(clock.instant())) {
                giveBack(id, "EXPIRED");
                released++;
            }
        }
        return released;
    }

    /** The place first, then the hold's state: a crash between the two is repaired by the next pass. */
    private PlaceHold giveBack(String holdId, String because) {
        PlaceHold hold = get(holdId);
        chargeTable.release(hold.place(), holdId);
        return holds.retrying(() -> {
            PlaceHold fresh = get(holdId);
            fresh.released(because);
            return holds.update(fresh);
        });
    }

    public Optional<PlaceHold> find(String holdId) {
        return holds.find(holdId);
    }

    public PlaceHold get(String holdId) {
        return holds.find(holdId).orElseThrow(() -> new NotFound("hold " + holdId + " not found"));
    }

    /** The free places of {@code zone} in the business days from {@code from}, half days not yet begun. */
    public List<FreePlace> freePlaces(String zone, LocalDate from) {
        LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.PARIS));
        LocalDate start = from.isBefore(today) ? today : from;
        return openPlaces.free(chargeTable, zone, start,
                        calendar.addBusinessDays(start, FREE_PLACES_DAYS), clock.instant()).stream()
                .map(c -> new FreePlace(c.key().date(), c.key().slot(), c.free())).toList();
    }

    /** A place that can still be held or offered: a business day's half day that has not begun. */
    private boolean isOpen(SlotKey key) {
        return openPlaces.isOpen(key, clock.instant());
    }

    private Conflict placeGone(String why, String zone, LocalDate from) {
        return new Conflict(why, Map.of("freePlaces", freePlaces(zone, from)));
    }

    /** The first place free in {@code zone} from now on, up to the horizon (none: null). */
    private SlotKey firstFreePlace(String zone, LocalDate today) {
        return openPlaces.free(chargeTable, zone, today,
                        calendar.addBusinessDays(today, horizon), clock.instant()).stream()
                .map(ChargeTable.SlotCapacity::key)
                .findFirst().orElse(null);
    }
}
