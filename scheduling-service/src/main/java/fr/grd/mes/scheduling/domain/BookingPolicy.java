package fr.grd.mes.scheduling.domain;

import fr.grd.mes.events.AppointmentKind;
import fr.grd.mes.events.Slot;
import fr.grd.mes.events.Version;
import fr.grd.mes.support.time.BusinessCalendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a request's appointment goes. The supplier's chosen slot if it is free; otherwise the first free one
 * after it. Seed option 2: an express request that gets no slot within 2 business days gets a conservatory
 * appointment ("rendez-vous à titre conservatoire") at the first available date.
 */
public final class BookingPolicy {
    private final BusinessCalendar calendar;

    public BookingPolicy(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    /** Candidate slots in order: the requested one, then every later business half-day up to the horizon. */
    public List<SlotKey> candidates(String zone, LocalDate requestedDate, Slot requestedSlot, LocalDate today,
                                    int horizonBusinessDays) {
        LocalDate start = requestedDate.isBefore(today) ? today : requestedDate;
        LocalDate last = calendar.addBusinessDays(start, horizonBusinessDays);
        SlotKey requested = new SlotKey(zone, requestedDate, requestedSlot);
        List<SlotKey> result = new ArrayList<>();
        for (LocalDate day = start; !day.isAfter(last); day = day.plusDays(1)) {
            if (!calendar.isBusinessDay(day)) {
                continue;
            }
            for (Slot slot : Slot.values()) {
                SlotKey key = new SlotKey(zone, day, slot);
                if (!key.isBefore(requested)) {
                    result.add(key);
                }
            }
        }
        return result;
    }

    /**
     * How the booked slot relates to the request (REQUESTED, NEXT_FREE or CONSERVATORY). Conservatory means that no
     * place was free up to the express deadline: the request asked for a date within it and the first free place
     * lies after it — whatever the version (the flowchart's "demande de MES standard avec le rdv déjà pris à titre
     * conservatoire" may be escalated too). A client who chose a date after the deadline is option 1 at that date.
     */
    public AppointmentKind kindOf(SlotKey booked, LocalDate requestedDate, Slot requestedSlot, Version version,
                                  LocalDate expressDeadline) {
        if (!requestedDate.isAfter(expressDeadline) && booked.date().isAfter(expressDeadline)) {
            return AppointmentKind.CONSERVATORY;
        }
        boolean asRequested = booked.date().equals(requestedDate) && booked.slot() == requestedSlot;
        return asRequested ? AppointmentKind.REQUESTED : AppointmentKind.NEXT_FREE;
    }

    /**
     * How a place the supplier held and the request claimed relates to the express deadline: conservatory when no
     * place was free up to the deadline when it was held ({@code firstFreeAtHold} after the deadline, or none at
     * all); otherwise the client's agreed place, option 1 at that date even when it lies after the deadline.
     */
    public AppointmentKind kindOfHeld(SlotKey held, SlotKey firstFreeAtHold, LocalDate expressDeadline) {
        boolean noneFreeUpToDeadline = firstFreeAtHold == null || firstFreeAtHold.date().isAfter(expressDeadline);
        return noneFreeUpToDeadline && held.date().isAfter(expressDeadline) ? AppointmentKind.CONSERVATORY
                : AppointmentKind.REQUESTED;
    }
}
