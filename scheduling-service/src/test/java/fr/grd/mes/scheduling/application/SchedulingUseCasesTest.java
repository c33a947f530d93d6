package fr.grd.mes.scheduling.application;

import fr.grd.mes.events.AppointmentBooked;
import fr.grd.mes.events.AppointmentKind;
import fr.grd.mes.events.EventEnvelope;
import fr.grd.mes.events.InterventionCompleted;
import fr.grd.mes.events.RequestCreated;
import fr.grd.mes.events.Slot;
import fr.grd.mes.events.SupplyState;
import fr.grd.mes.events.Version;
import fr.grd.mes.scheduling.domain.Appointment;
import fr.grd.mes.scheduling.domain.AppointmentStatus;
import fr.grd.mes.scheduling.domain.HalfDays;
import fr.grd.mes.scheduling.domain.SlotKey;
import fr.grd.mes.support.outcome.Conflict;
import fr.grd.mes.support.port.InMemoryRepository;
import fr.grd.mes.support.port.RecordingPublisher;
import fr.grd.mes.support.time.BusinessCalendar;
import fr.grd.mes.support.time.ControllableClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Booking and the technician's outcome on in-memory ports and an in-memory charge table. */
class SchedulingUseCasesTest {
    /** Tuesday 1 December 2026, 10:00 in Paris; the express deadline is Thursday 3 December. */
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final LocalDate THURSDAY = LocalDate.of(2026, 12, 3);

    private final ControllableClock clock = ControllableClock.fixed(NOW);
    private final InMemoryChargeTable chargeTable = new InMemoryChargeTable();
    private final AppointmentStore appointments = new AppointmentStore();
    private final RecordingPublisher events = new RecordingPublisher();
    private final BusinessCalendar calendar = new BusinessCalendar();
    private final AppointmentBooking booking = new AppointmentBooking(chargeTable, appointments, new InMemoryPlaceHolds(), events,
            calendar, HalfDays.DEFAULT, clock, 30);
    private final PlaceSettlement settlement = new PlaceSettlement(appointments, chargeTable);
    private final InterventionOutcomes outcomes = new InterventionOutcomes(appointments, booking, events, settlement, clock);

    private static RequestCreated request(String caseId, Version version) {
        return new RequestCreated(caseId, "09111111111111", "FOURN-ALPHA", version, "Z", SupplyState.COUP, "Client",
                "0600000000", THURSDAY, Slot.AM, List.of(), "REF", NOW, THURSDAY, LocalDate.of(2026, 12, 8), null);
    }

    private static EventEnvelope<RequestCreated> envelope(RequestCreated request) {
        return EventEnvelope.of("RequestCreated", request.caseId(), request.caseId(), request.supplierId(), NOW, request);
    }

    @Test
    void aFreePlaceAtTheRequestedDateIsBookedThereAndARedeliveryBooksNothingMore() {
        SlotKey thursdayMorning = new SlotKey("Z", THURSDAY, Slot.AM);
        chargeTable.setCapacity(thursdayMorning, 3);
        EventEnvelope<RequestCreated> created = envelope(request("C1", Version.EXPRESS));
        booking.onRequestCreated(created, created.payload());
        booking.onRequestCreated(created, created.payload());
        assertThat(events.eventsOf(AppointmentBooked.class)).singleElement().satisfies(booked -> {
            assertThat(booked.date()).isEqualTo(THURSDAY);
            assertThat(booked.kind()).isEqualTo(AppointmentKind.REQUESTED);
            assertThat(booked.withinExpressDeadline()).isTrue();
        });
        assertThat(chargeTable.held(thursdayMorning)).isEqualTo(1);
        assertThat(appointments.writes()).isEqualTo(1);
    }

    @Test
    void withNoPlaceWithinTheHorizonTheRequestWaitsUnscheduledAndTheSupplierIsTold() {
        EventEnvelope<RequestCreated> created = envelope(request("C2", Version.EXPRESS));
        booking.onRequestCreated(created, created.payload());
        assertThat(events.eventsOf(fr.grd.mes.events.AppointmentUnschedulable.class)).singleElement()
                .satisfies(waiting -> assertThat(waiting.searchedUntil()).isEqualTo(calendar.addBusinessDays(THURSDAY, 30)));
        assertThat(events.types()).containsExactly(fr.grd.mes.events.AppointmentUnschedulable.class);
        assertThat(appointments.find(Appointment.idFor("C2")).orElseThrow().getStatus())
                .isEqualTo(AppointmentStatus.UNSCHEDULED);
    }

    @Test
    void theOutcomeIsRecordedOnceAndNotBeforeTheAppointmentDate() {
        chargeTable.setCapacity(new SlotKey("Z", THURSDAY, Slot.AM), 1);
        EventEnvelope<RequestCreated> created = envelope(request("C3", Version.STANDARD));
        booking.onRequestCreated(created, created.payload());
        String id = Appointment.idFor("C3");
        assertThatThrownBy(() -> outcomes.record(id, InterventionOutcomes.Result.COMPLETED, 42_137L))
                .isInstanceOf(Conflict.class).hasMessageContaining("before that date");

        clock.advanceTo(Instant.parse("2026-12-03T10:00:00Z"));
        outcomes.record(id, InterventionOutcomes.Result.COMPLETED, 42_137L);
        assertThat(events.eventsOf(InterventionCompleted.class)).singleElement()
                .satisfies(done -> assertThat(done.meterIndex()).isEqualTo(42_137L));
        assertThatThrownBy(() -> outcomes.record(id, InterventionOutcomes.Result.CLIENT_ABSENT, null))
                .isInstanceOf(Conflict.class).hasMessageContaining("already recorded");
    }

    @Test
    void anOutcomeDuringAnAdvancementMaintainsTheDateFirstAndGivesTheProposedPlaceBack() {
        SlotKey conservatoryPlace = new SlotKey("Z", LocalDate.of(2026, 12, 8), Slot.AM);
        SlotKey freedLater = new SlotKey("Z", THURSDAY, Slot.PM);
        chargeTable.setCapacity(conservatoryPlace, 1);
        EventEnvelope<RequestCreated> created = envelope(request("C4", Version.EXPRESS));
        booking.onRequestCreated(created, created.payload());
        assertThat(events.eventsOf(AppointmentBooked.class).get(0).kind()).isEqualTo(AppointmentKind.CONSERVATORY);

        chargeTable.setCapacity(freedLater, 1);
        ExpressAdvancementDesk desk = new ExpressAdvancementDesk(appointments, booking, chargeTable, settlement, events,
                calendar, HalfDays.DEFAULT, clock);
        var escalated = new fr.grd.mes.events.ExpressEscalated("C4", "C4", NOW, "caller");
        desk.onExpressEscalated(EventEnvelope.of("ExpressEscalated", "C4", "C4", "FOURN-ALPHA", NOW, escalated),
                escalated);
        assertThat(chargeTable.held(freedLater)).as("the desk holds the freed place for its call").isEqualTo(1);

        // nobody called the client; the technician went on the conservatory date (a test of the rule, not a habit)
        clock.advanceTo(Instant.parse("2026-12-08T08:00:00Z"));
        events.clear();
        outcomes.record(Appointment.idFor("C4"), InterventionOutcomes.Result.COMPLETED, 1L);
        assertThat(events.types()).containsExactly(fr.grd.mes.events.AppointmentMaintained.class,
                InterventionCompleted.class);
        assertThat(events.eventsOf(fr.grd.mes.events.AppointmentMaintained.class).get(0).reason())
                .isEqualTo(Appointment.INTERVENTION_ALREADY_DONE);
        assertThat(chargeTable.held(freedLater)).as("the proposed place is given back").isZero();
    }

    @Test
    void aHalfDayThatHasBegunIsNotBookedEvenWhenRequested() {
        LocalDate today = LocalDate.of(2026, 12, 1);
        chargeTable.setCapacity(new SlotKey("Z", today, Slot.AM), 5);
        chargeTable.setCapacity(new SlotKey("Z", today, Slot.PM), 5);
        RequestCreated thisMorning = new RequestCreated("C5", "09111111111111", "FOURN-ALPHA", Version.STANDARD, "Z",
                SupplyState.COUP, "Client", "0600000000", today, Slot.AM, List.of(), "REF", NOW, THURSDAY,
                LocalDate.of(2026, 12, 8), null);
        booking.onRequestCreated(envelope(thisMorning), thisMorning);
        AppointmentBooked booked = events.eventsOf(AppointmentBooked.class).get(0);
        assertThat(booked.date()).isEqualTo(today);
        assertThat(booked.slot()).as("10:00 in Paris: the morning round has begun").isEqualTo(Slot.PM);
    }

    /** The charge table of a service that dies at its first change: every update after that is lost. */
    private static final class DyingChargeTable extends InMemoryChargeTable {
        private final InMemoryChargeTable real;

        DyingChargeTable(InMemoryChargeTable real) {
            this.real = real;
        }

        @Override
        public void transfer(SlotKey slot, String from, String to) {
            throw new IllegalStateException("killed between the decision and the charge table");
        }

        @Override
        public void release(SlotKey slot, String appointmentId) {
            throw new IllegalStateException("killed between the decision and the charge table");
        }

        @Override
        public boolean book(SlotKey slot, String appointmentId) {
            return real.book(slot, appointmentId);
        }

        @Override
        public java.util.Optional<SlotKey> heldBy(String zone, String appointmentId) {
            return real.heldBy(zone, appointmentId);
        }

        @Override
        public List<SlotCapacity> free(String zone, LocalDate from, LocalDate to) {
            return real.free(zone, from, to);
        }
    }

    @Test
    void anAdvancementDecidedButNotCarriedOutInTheChargeTableIsFinishedByTheNextPassAfterACrash() {
        SlotKey conservatoryPlace = new SlotKey("Z", LocalDate.of(2026, 12, 8), Slot.AM);
        SlotKey freedLater = new SlotKey("Z", THURSDAY, Slot.PM);
        chargeTable.setCapacity(conservatoryPlace, 1);
        EventEnvelope<RequestCreated> created = envelope(request("C6", Version.EXPRESS));
        booking.onRequestCreated(created, created.payload());
        chargeTable.setCapacity(freedLater, 1);
        String id = Appointment.idFor("C6");

        // the service that dies: its decision is stored with the steps it owes, its charge-table changes never happen
        DyingChargeTable dying = new DyingChargeTable(chargeTable);
        ExpressAdvancementDesk dyingDesk = new ExpressAdvancementDesk(appointments, booking, dying,
                new PlaceSettlement(appointments, dying), events, calendar, HalfDays.DEFAULT, clock);
        var escalated = new fr.grd.mes.events.ExpressEscalated("C6", "C6", NOW, "caller");
        dyingDesk.onExpressEscalated(EventEnvelope.of("ExpressEscalated", "C6", "C6", "FOURN-ALPHA", NOW, escalated),
                escalated);
        assertThatThrownBy(() -> dyingDesk.clientCall(id, true, true)).hasMessageContaining("killed");
        Appointment decided = appointments.find(id).orElseThrow();
        assertThat(decided.isAdvanced()).isTrue();
        assertThat(decided.pendingPlaceSteps()).hasSize(2);
        assertThat(chargeTable.held(conservatoryPlace)).as("two places held after the crash").isEqualTo(1);
        assertThat(chargeTable.heldBy(freedLater.zone(), decided.advancementHoldId())).contains(freedLater);

        // the restarted service's first pass finishes the job
        ExpressAdvancementDesk restarted = new ExpressAdvancementDesk(appointments, booking, chargeTable, settlement,
                events, calendar, HalfDays.DEFAULT, clock);
        restarted.sweep();
        assertThat(chargeTable.held(conservatoryPlace)).as("the initial place is given back").isZero();
        assertThat(chargeTable.heldBy(freedLater.zone(), id)).contains(freedLater);
        assertThat(chargeTable.held(freedLater)).isEqualTo(1);
        assertThat(appointments.find(id).orElseThrow().pendingPlaceSteps()).isEmpty();
        restarted.sweep();
        assertThat(chargeTable.held(freedLater)).as("replaying is harmless").isEqualTo(1);
    }

    static final class AppointmentStore extends InMemoryRepository<Appointment>
            implements AppointmentRepository {
        @Override
        public List<Appointment> unscheduled() {
            return stored.values().stream().filter(a -> a.getStatus() == AppointmentStatus.UNSCHEDULED).toList();
        }

        @Override
        public List<Appointment> ofDay(String zone, LocalDate date) {
            return stored.values().stream().filter(a -> zone.equals(a.getZone()) && date.equals(a.getDate())).toList();
        }

        @Override
        public List<Appointment> withAdvancementStatus(String status) {
            return stored.values().stream().filter(a -> a.getAdvancement() != null
                    && status.equals(a.getAdvancement().status())).toList();
        }

        @Override
        public List<String> idsOwingPlaceSteps() {
            return stored.values().stream().filter(a -> !a.pendingPlaceSteps().isEmpty()).map(Appointment::getId).toList();
        }

        @Override
        public List<String> idsWithAdvancementStatus(String... statuses) {
            List<String> wanted = List.of(statuses);
            return stored.values().stream().filter(a -> a.getAdvancement() != null
                    && wanted.contains(a.getAdvancement().status())).map(Appointment::getId).toList();
        }
    }
}
