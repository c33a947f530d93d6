package fr.grd.mes.scheduling.application;

import fr.grd.mes.events.AppointmentKind;
import fr.grd.mes.events.EventEnvelope;
import fr.grd.mes.events.RequestCreated;
import fr.grd.mes.events.Slot;
import fr.grd.mes.scheduling.domain.OpenPlaces;
import fr.grd.mes.scheduling.domain.Appointment;
import fr.grd.mes.scheduling.domain.BookingPolicy;
import fr.grd.mes.scheduling.domain.ChargeTable;
import fr.grd.mes.scheduling.domain.HalfDays;
import fr.grd.mes.scheduling.domain.PlaceHold;
import fr.grd.mes.scheduling.domain.SlotKey;
import fr.grd.mes.support.port.EventPublisher;
import fr.grd.mes.support.time.BusinessCalendar;
import fr.grd.mes.support.outcome.NotFound;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * RequestCreated → an appointment in the charge table. The place is taken first, under the appointment's
 * deterministic id, then the appointment and its AppointmentBooked event are stored in one write; a
 * redelivered request finds the place it already holds, so a crash in between never holds two places.
 */
@Service
public class AppointmentBooking {
    private final ChargeTable chargeTable;
    private final AppointmentRepository appointments;
    private final EventPublisher events;
    private final BookingPolicy policy;
    private final Clock clock;
    private final int horizon;
    private final BusinessCalendar calendar;
    private final PlaceHoldRepository holds;
    private final OpenPlaces openPlaces;

    public AppointmentBooking(ChargeTable chargeTable, AppointmentRepository appointments, PlaceHoldRepository holds,
                              EventPublisher events,
                              BusinessCalendar calendar, HalfDays halfDays, Clock clock,
                              @Value("${mes.scheduling.horizon-business-days:30}") int horizon) {
        this.chargeTable = chargeTable;
        this.appointments = appointments;
        this.holds = holds;
        this.openPlaces = new OpenPlaces(calendar, halfDays);
        this.events = events;
        this.policy = new BookingPolicy(calendar);
        this.calendar = calendar;
        this.clock = clock;
        this.horizon = horizon;
    }

    public void onRequestCreated(EventEnvelope<?> envelope, RequestCreated request) {
        String appointmentId = Appointment.idFor(request.caseId());
        if (appointments.find(appointmentId).isPresent()) {
            return;
        }
        Optional<PlaceHold> hold = claimedHold(request);
        Optional<SlotKey> place = chargeTable.heldBy(request.zone(), appointmentId)
                .or(() -> hold.flatMap(h -> takeOver(h, appointmentId)))
                .or(() -> firstFreePlace(request, appointmentId));
        AppointmentKind kind = place.map(key -> hold.filter(h -> h.place().equals(key))
                .map(h -> policy.kindOfHeld(key, h.getFirstFreeAtHold(), request.expressDeadline()))
                .orElseGet(() -> policy.kindOf(key, request.requestedDate(), request.requestedSlot(),
                        request.version(), request.expressDeadline()))).orElse(null);
        Appointment appointment = Appointment.book(request, place, kind);
        appointment.markApplied(envelope.eventId());
        appointment.booked().ifPresent(booked -> events.publish(appointment, booked));
        appointment.unschedulable(searchedUntil(request.requestedDate()))
                .ifPresent(waiting -> events.publish(appointment, waiting));
        appointments.insert(appointment);
        hold.ifPresent(this::markBooked);
    }

    /** The hold the request names, if this case claimed it (a hold of another case is never taken). */
    private Optional<PlaceHold> claimedHold(RequestCreated request) {
        if (request.holdId() == null) {
            return Optional.empty();
        }
        return holds.find(request.holdId()).filter(h -> h.isClaimedBy(request.caseId())
                && h.getZone().equals(request.zone()));
    }

    /**
     * The hold's place becomes the appointment's, in one update of the charge table. A hold whose place was already
     * given back (its claim outlived) gives nothing: the request is then booked as one without a hold, and its
     * tracking says the place asked for was not available.
     */
    private Optional<SlotKey> takeOver(PlaceHold hold, String appointmentId) {
        SlotKey place = hold.place();
        if (chargeTable.heldBy(hold.getZone(), hold.getId()).filter(place::equals).isEmpty()) {
            return Optional.empty();
        }
        chargeTable.transfer(place, hold.getId(), appointmentId);
        return chargeTable.heldBy(hold.getZone(), appointmentId);
    }

    private void markBooked(PlaceHold hold) {
        holds.retrying(() -> {
            PlaceHold fresh = holds.find(hold.getId()).orElseThrow();
            fresh.booked();
            return holds.update(fresh);
        });
    }

    /** The last day a booking search covers: the booking horizon after the requested date (or today). */
    private LocalDate searchedUntil(LocalDate requestedDate) {
        LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.PARIS));
        return calendar.addBusinessDays(requestedDate.isBefore(today) ? today : requestedDate, horizon);
    }

    /**
     * Requests that found no place within the horizon wait UNSCHEDULED; each pass gives them the first place
     * that capacity added since then made free, and only then publishes AppointmentBooked.
     */
    public int placeUnscheduled() {
        int placed = 0;
        for (Appointment waiting : appointments.unscheduled()) {
            Optional<SlotKey> place = chargeTable.heldBy(waiting.getZone(), waiting.getId()).or(() -> firstFreePlace(waiting.getZone(),
                    waiting.getRequestedDate(), waiting.getRequestedSlot(), waiting.getId()));
            if (place.isEmpty()) {
                continue;
            }
            placed += appointments.retrying(() -> {
                Appointment a = get(waiting.getId());
                AppointmentKind kind = policy.kindOf(place.get(), a.getRequestedDate(), a.getRequestedSlot(),
                        a.getRequestVersion(), a.getExpressDeadline());
                if (!a.place(place.get(), kind)) {
                    return 0;
                }
                a.booked().ifPresent(booked -> events.publish(a, booked));
                appointments.update(a);
                return 1;
            });
        }
        return placed;
    }

    private Optional<SlotKey> firstFreePlace(RequestCreated request, String appointmentId) {
        return firstFreePlace(request.zone(), request.requestedDate(), request.requestedSlot(), appointmentId);
    }

    private Optional<SlotKey> firstFreePlace(String zone, LocalDate requestedDate, Slot requestedSlot,
                                             String appointmentId) {
        LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.PARIS));
        List<SlotKey> candidates = policy.candidates(zone, requestedDate, requestedSlot, today, horizon).stream()
                .filter(candidate -> openPlaces.isOpen(candidate, clock.instant())).toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Set<String> withRoom = new HashSet<>();
        chargeTable.free(zone, candidates.get(0).date(), candidates.get(candidates.size() - 1).date())
                .forEach(capacity -> withRoom.add(capacity.key().id()));
        for (SlotKey candidate : candidates) {
            if (withRoom.contains(candidate.id()) && chargeTable.book(candidate, appointmentId)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The appointments of one zone on one day ("tournée"), morning first. */
    public java.util.List<Appointment> ofDay(String zone, java.time.LocalDate date) {
        return appointments.ofDay(zone, date);
    }

    public Appointment get(String appointmentId) {
        return appointments.find(appointmentId)
                .orElseThrow(() -> new NotFound("unknown appointment " + appointmentId));
    }
}
