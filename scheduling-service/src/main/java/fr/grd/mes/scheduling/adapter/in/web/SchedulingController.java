package fr.grd.mes.scheduling.adapter.in.web;

import fr.grd.mes.events.AppointmentKind;
import fr.grd.mes.events.Slot;
import fr.grd.mes.scheduling.application.AppointmentBooking;
import fr.grd.mes.scheduling.application.ExpressAdvancementDesk;
import fr.grd.mes.scheduling.application.InterventionOutcomes;
import fr.grd.mes.scheduling.domain.Advancement;
import fr.grd.mes.scheduling.domain.Appointment;
import fr.grd.mes.scheduling.domain.ChargeTable;
import fr.grd.mes.scheduling.domain.SlotKey;
import fr.grd.mes.support.time.BusinessCalendar;
import fr.grd.mes.support.outcome.Invalid;
import fr.grd.mes.support.outcome.Violation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The charge table, appointments, the express desk's queue and calls, and technicians' outcomes. */
@RestController
@RequestMapping("/api/v1")
public class SchedulingController {
    private final ChargeTable chargeTable;
    private final AppointmentBooking appointments;
    private final ExpressAdvancementDesk desk;
    private final InterventionOutcomes outcomes;
    private final BusinessCalendar calendar;

    public SchedulingController(ChargeTable chargeTable, AppointmentBooking appointments, ExpressAdvancementDesk desk,
                                InterventionOutcomes outcomes, BusinessCalendar calendar) {
        this.chargeTable = chargeTable;
        this.appointments = appointments;
        this.desk = desk;
        this.outcomes = outcomes;
        this.calendar = calendar;
    }

    /** A calendar day: business day or not, and the public holiday's name when it is one. */
    public record CalendarDay(LocalDate date, DayOfWeek dayOfWeek, boolean businessDay, String holiday) {
    }

    public record CapacityBody(Integer am, Integer pm) {
    }

    public record SlotView(String zone, LocalDate date, Slot slot, int capacity, int booked, int free) {
        static SlotView of(ChargeTable.SlotCapacity c) {
            return new SlotView(c.key().zone(), c.key().date(), c.key().slot(), c.capacity(), c.booked(), c.free());
        }
    }

    public record AppointmentView(String appointmentId, String caseId, String pdl, String zone, String supplierId,
                                  String version, LocalDate date, Slot slot, AppointmentKind kind, String status,
                                  LocalDate requestedDate, Slot requestedSlot, LocalDate expressDeadline,
                                  boolean advanced, AdvancementView advancement, Long meterIndex,
                                  fr.grd.mes.events.ChartBranch branch) {
        static AppointmentView of(Appointment a) {
            return new AppointmentView(a.getId(), a.getCaseId(), a.getPdl(), a.getZone(), a.getSupplierId(),
                    a.getRequestVersion().name(), a.getDate(), a.getSlot(), a.getKind(), a.getStatus().name(),
                    a.getRequestedDate(), a.getRequestedSlot(), a.getExpressDeadline(), a.isAdvanced(),
                    AdvancementView.of(a.getAdvancement()), a.getMeterIndex(), a.branch());
        }
    }

    public record AdvancementView(String status, Instant openedAt, Instant callBackDeadline, LocalDate proposedDate,
                                  Slot proposedSlot, Instant closedAt, String closedBy) {
        static AdvancementView of(Advancement adv) {
            if (adv == null) {
                return null;
            }
            SlotKey p = adv.proposal();
            return new AdvancementView(adv.status(), adv.openedAt(), adv.windowEnds(), p == null ? null : p.date(),
                    p == null ? null : p.slot(), adv.closedAt(), adv.closedBy());
        }
    }

    public record ClientCallBody(Boolean reachable, Boolean agreed) {
    }

    /** The largest index a meter register shows: 6 digits (kWh), as the C15 flow declares (Nb_Chiffres_Cadran). */
    static final long MAX_METER_INDEX = 999_999L;

    public record OutcomeBody(InterventionOutcomes.Result result, Long meterIndex) {
    }

    @GetMapping("/slots")
    public List<SlotView> slots(@RequestParam String zone, @RequestParam LocalDate from, @RequestParam LocalDate to) {
        if (to.isBefore(from) || from.plusDays(366).isBefore(to)) {
            throw new Invalid(List.of(new Violation("to", "must be within a year after 'from'")));
        }
        return chargeTable.all(zone, from, to).stream().map(SlotView::of).toList();
    }

    @GetMapping("/zones")
    public List<String> zones() {
        return chargeTable.zones();
    }

    /** Business days, weekends and French public holidays between two dates (at most 92 days). */
    @GetMapping("/calendar")
    public List<CalendarDay> calendar(@RequestParam LocalDate from, @RequestParam LocalDate to) {
        if (to.isBefore(from) || from.plusDays(92).isBefore(to)) {
            throw new Invalid(List.of(new Violation("to", "must be within 92 days after 'from'")));
        }
        return from.datesUntil(to.plusDays(1)).map(day -> new CalendarDay(day, day.getDayOfWeek(),
                calendar.isBusinessDay(day), calendar.holidayName(day).orElse(null))).toList();
    }

    /** A zone's appointments of one day, for the technicians' round. */
    @GetMapping("/appointments")
    public List<AppointmentView> ofDay(@RequestParam String zone, @RequestParam LocalDate date) {
        if (!zone.matches("[A-Za-z0-9_-]{1,40}")) {
            throw new Invalid(List.of(new Violation("zone", "must be 1-40 letters, digits, _ or -")));
        }
        return appointments.ofDay(zone, date).stream().map(AppointmentView::of).toList();
    }

    @PutMapping("/capacity/{zone}/{date}")
    public List<SlotView> capacity(@PathVariable String zone, @PathVariable LocalDate date,
                                   @RequestBody CapacityBody body) {
        List<Violation> violations = new ArrayList<>();
        if (!zone.matches("[A-Za-z0-9_-]{1,40}")) {
            violations.add(new Violation("zone", "must be 1-40 letters, digits, _ or -"));
        }
        if (body.am() == null && body.pm() == null) {
            violations.add(new Violation("am", "give the places of the morning (am) and/or the afternoon (pm)"));
        }
        if (body.am() != null && (body.am() < 0 || body.am() > 500)) {
            violations.add(new Violation("am", "must be between 0 and 500"));
        }
        if (body.pm() != null && (body.pm() < 0 || body.pm() > 500)) {
            violations.add(new Violation("pm", "must be between 0 and 500"));
        }
        if (!violations.isEmpty()) {
            throw new Invalid(violations);
        }
        List<SlotView> result = new ArrayList<>();
        if (body.am() != null) {
            result.add(SlotView.of(chargeTable.setCapacity(new SlotKey(zone, date, Slot.AM), body.am())));
        }
        if (body.pm() != null) {
            result.add(SlotView.of(chargeTable.setCapacity(new SlotKey(zone, date, Slot.PM), body.pm())));
        }
        return result;
    }

    @GetMapping("/appointments/{id}")
    public AppointmentView appointment(@PathVariable String id) {
        Appointment appointment;
        try {
            appointment = appointments.get(id);
        } catch (fr.grd.mes.support.outcome.NotFound missing) {
            throw new fr.grd.mes.support.outcome.NotFound("appointment " + id + " not found");
        }
        fr.grd.mes.support.security.Caller.current().requireVisible(appointment.getSupplierId(), "appointment " + id);
        return AppointmentView.of(appointment);
    }

    @GetMapping("/advancements")
    public List<AppointmentView> advancements(@RequestParam(defaultValue = Advancement.PROPOSED) String status,
                                              @RequestParam(defaultValue = "500") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new Invalid(List.of(new Violation("limit", "pages hold 1 to 1000 items")));
        }
        if (!List.of(Advancement.OPEN, Advancement.PROPOSED, Advancement.ADVANCED, Advancement.MAINTAINED)
                .contains(status.toUpperCase())) {
            throw new Invalid(List.of(new Violation("status",
                    "one of OPEN, PROPOSED, ADVANCED, MAINTAINED")));
        }
        return desk.withAdvancementStatus(status.toUpperCase()).stream().limit(limit).map(AppointmentView::of).toList();
    }

    @PostMapping("/appointments/{id}/client-call")
    public AppointmentView clientCall(@PathVariable String id, @RequestBody ClientCallBody body) {
        if (body.reachable() == null) {
            throw new Invalid(List.of(new Violation("reachable", "must be true or false")));
        }
        if (body.reachable() && body.agreed() == null) {
            throw new Invalid(List.of(new Violation("agreed",
                    "say whether the reachable client agreed to the proposed date")));
        }
        return AppointmentView.of(desk.clientCall(id, body.reachable(), Boolean.TRUE.equals(body.agreed())));
    }

    @PostMapping("/appointments/{id}/outcome")
    public AppointmentView outcome(@PathVariable String id, @RequestBody OutcomeBody body) {
        List<Violation> violations = new ArrayList<>();
        if (body.result() == null) {
            violations.add(new Violation("result", "must be COMPLETED or CLIENT_ABSENT"));
        }
        if (body.result() == InterventionOutcomes.Result.COMPLETED
                && (body.meterIndex() == null || body.meterIndex() < 0 || body.meterIndex() > MAX_METER_INDEX)) {
            violations.add(new Violation("meterIndex", "the meter index read is required, between 0 and "
                    + MAX_METER_INDEX + " (a 6-digit register)"));
        }
        if (!violations.isEmpty()) {
            throw new Invalid(violations);
        }
        return AppointmentView.of(outcomes.record(id, body.result(), body.meterIndex()));
    }
}
