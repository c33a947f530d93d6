package fr.grd.mes.scheduling.application;

import fr.grd.mes.events.AppointmentBooked;
import fr.grd.mes.events.AppointmentKind;
import fr.grd.mes.events.ChartBranch;
import fr.grd.mes.events.EventEnvelope;
import fr.grd.mes.events.RequestCreated;
import fr.grd.mes.events.Slot;
import fr.grd.mes.events.SupplyState;
import fr.grd.mes.events.Version;
import fr.grd.mes.scheduling.domain.HalfDays;
import fr.grd.mes.scheduling.domain.PlaceHold;
import fr.grd.mes.scheduling.domain.SlotKey;
import fr.grd.mes.support.outcome.Conflict;
import fr.grd.mes.support.outcome.Invalid;
import fr.grd.mes.support.port.RecordingPublisher;
import fr.grd.mes.support.time.BusinessCalendar;
import fr.grd.mes.support.time.ControllableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Coupled booking ("rendez-vous pris par couplage") on in-memory ports: hold, claim, book exactly there, expire. */
class CoupledBookingTest {
    /** Tuesday 1 December 2026, 10:00 in Paris; the express deadline is Thursday 3 December. */
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final LocalDate THURSDAY = LocalDate.of(2026, 12, 3);
    private static final LocalDate FRIDAY = LocalDate.of(2026, 12, 4);
    private static final LocalDate NEXT_TUESDAY = LocalDate.of(2026, 12, 8);

    private final ControllableClock clock = ControllableClock.fixed(NOW);
    private final InMemoryChargeTable chargeTable = new InMemoryChargeTable();
    private final InMemoryPlaceHolds holdStore = new InMemoryPlaceHolds();
    private final BusinessCalendar calendar = new BusinessCalendar();
    private final RecordingPublisher events = new RecordingPublisher();
    private final PlaceHolds holds = new PlaceHolds(holdStore, chargeTable, calendar, HalfDays.DEFAULT, clock,
            Duration.ofMinutes(20),
            Duration.ofDays(1), 30);
    private final AppointmentBooking booking = new AppointmentBooking(chargeTable, new SchedulingUseCasesTest.AppointmentStore(),
            holdStore, events, calendar, HalfDays.DEFAULT, clock, 30);

    private static RequestCreated request(String caseId, Version version, SlotKey place, String holdId) {
        return new RequestCreated(caseId, "09111111111111", "FOURN-ALPHA", version, place.zone(), SupplyState.COUP,
                "Client", "0600000000", place.date(), place.slot(), List.of(), "REF", NOW, THURSDAY, NEXT_TUESDAY,
                holdId);
    }

    private AppointmentBooked book(RequestCreated request) {
        booking.onRequestCreated(EventEnvelope.of("RequestCreated", request.caseId(), request.caseId(),
                request.supplierId(), NOW, request), request);
        return events.eventsOf(AppointmentBooked.class).stream().filter(b -> b.caseId().equals(request.caseId()))
                .findFirst().orElseThrow();
    }

    @Test
    void aHoldTakesItsPlaceFromCapacityAndAFullPlaceIsRefusedWithTheFreePlacesOfTheNextDays() {
        SlotKey thursdayAm = new SlotKey("Z", THURSDAY, Slot.AM);
        chargeTable.setCapacity(thursdayAm, 1);
        chargeTable.setCapacity(new SlotKey("Z", FRIDAY, Slot.PM), 2);
        PlaceHold first = holds.hold("FOURN-ALPHA", thursdayAm);
        assertThat(first.getStatus()).isEqualTo(PlaceHold.HELD);
        assertThat(chargeTable.held(thursdayAm)).isEqualTo(1);

        assertThatThrownBy(() -> holds.hold("FOURN-BETA", thursdayAm)).isInstanceOfSatisfying(Conflict.class,
                refused -> assertThat(refused.details().get("freePlaces"))
                        .isEqualTo(List.of(new PlaceHolds.FreePlace(FRIDAY, Slot.PM, 2))));
        assertThat(chargeTable.held(thursdayAm)).isEqualTo(1);
    }

    @Test
    void theAppointmentIsBookedOnExactlyTheHeldPlaceForTheRequestThatClaimedIt() {
        SlotKey fridayPm = new SlotKey("Z", FRIDAY, Slot.PM);
        chargeTable.setCapacity(new SlotKey("Z", THURSDAY, Slot.AM), 5);
        chargeTable.setCapacity(fridayPm, 1);
        PlaceHold hold = holds.hold("FOURN-ALPHA", fridayPm);
        holds.claim(hold.getId(), "C1", "Z", FRIDAY, Slot.PM);

        AppointmentBooked booked = book(request("C1", Version.STANDARD, fridayPm, hold.getId()));
        assertThat(new SlotKey("Z", booked.date(), booked.slot())).isEqualTo(fridayPm);
        assertThat(booked.kind()).as("places were free earlier: the client's date, option 1").isEqualTo(AppointmentKind.REQUESTED);
        assertThat(booked.branch()).isEqualTo(ChartBranch.OPTION_1);
        assertThat(chargeTable.held(fridayPm)).as("the hold's place became the appointment's, not a second one")
                .isEqualTo(1);
        assertThat(chargeTable.heldBy(hold.getZone(), hold.getId())).isEmpty();
        assertThat(holdStore.find(hold.getId()).orElseThrow().getStatus()).isEqualTo(PlaceHold.BOOKED);
    }

    @Test
    void aHeldPlaceAfterTheExpressDeadlineIsConservatoryOnlyWhenNoPlaceWasFreeUpToIt() {
        SlotKey tuesdayAm = new SlotKey("Z", NEXT_TUESDAY, Slot.AM);
        chargeTable.setCapacity(tuesdayAm, 2);
        PlaceHold noneEarlier = holds.hold("FOURN-ALPHA", tuesdayAm);
        holds.claim(noneEarlier.getId(), "C1", "Z", NEXT_TUESDAY, Slot.AM);
        AppointmentBooked conservatory = book(request("C1", Version.EXPRESS, tuesdayAm, noneEarlier.getId()));
        assertThat(conservatory.kind()).isEqualTo(AppointmentKind.CONSERVATORY);
        assertThat(conservatory.branch()).isEqualTo(ChartBranch.OPTION_2_NOT_ESCALATED);

        chargeTable.setCapacity(new SlotKey("Z", THURSDAY, Slot.PM), 1);
        PlaceHold clientsChoice = holds.hold("FOURN-ALPHA", tuesdayAm);
        holds.claim(clientsChoice.getId(), "C2", "Z", NEXT_TUESDAY, Slot.AM);
        AppointmentBooked chosen = book(request("C2", Version.EXPRESS, tuesdayAm, clientsChoice.getId()));
        assertThat(chosen.kind()).as("Thursday was free: the client chose Tuesday").isEqualTo(AppointmentKind.REQUESTED);
        assertThat(chosen.branch()).isEqualTo(ChartBranch.OPTION_1);
    }

    @Test
    void aHoldIsClaimedByOneRequestOnlyAndOnlyOnItsOwnPlace() {
        SlotKey thursdayAm = new SlotKey("Z", THURSDAY, Slot.AM);
        chargeTable.setCapacity(thursdayAm, 3);
        PlaceHold hold = holds.hold("FOURN-ALPHA", thursdayAm);
        assertThatThrownBy(() -> holds.claim(hold.getId(), "C1", "Z", THURSDAY, Slot.PM))
                .isInstanceOf(Invalid.class).hasMessageContaining("appointment");
        assertThatThrownBy(() -> holds.claim(hold.getId(), "C1", "OTHER", THURSDAY, Slot.AM))
                .isInstanceOf(Conflict.class).hasMessageContaining("zone Z");
        holds.claim(hold.getId(), "C1", "Z", THURSDAY, Slot.AM);
        holds.claim(hold.getId(), "C1", "Z", THURSDAY, Slot.AM);
        assertThatThrownBy(() -> holds.claim(hold.getId(), "C2", "Z", THURSDAY, Slot.AM))
                .isInstanceOf(Conflict.class).hasMessageContaining("already used");
    }

    @Test
    void anExpiredHoldGivesItsPlaceBackAndCanNoLongerBeClaimed() {
        SlotKey thursdayAm = new SlotKey("Z", THURSDAY, Slot.AM);
        chargeTable.setCapacity(thursdayAm, 1);
        PlaceHold hold = holds.hold("FOURN-ALPHA", thursdayAm);

        clock.advanceTo(NOW.plus(Duration.ofMinutes(19)));
        assertThat(holds.releaseDue()).isZero();
        assertThat(chargeTable.held(thursdayAm)).isEqualTo(1);

        clock.advanceTo(NOW.plus(Duration.ofMinutes(20)));
        assertThatThrownBy(() -> holds.claim(hold.getId(), "C1", "Z", THURSDAY, Slot.AM))
                .isInstanceOf(Conflict.class).hasMessageContaining("expired");
        assertThat(holds.releaseDue()).isEqualTo(1);
        assertThat(chargeTable.held(thursdayAm)).isZero();
        assertThat(holdStore.find(hold.getId()).orElseThrow().getStatus()).isEqualTo(PlaceHold.RELEASED);
    }

    @Test
    void aClaimedHoldWhoseRequestNeverArrivesGivesItsPlaceBackAfterTheClaimValidity() {
        SlotKey thursdayAm = new SlotKey("Z", THURSDAY, Slot.AM);
        chargeTable.setCapacity(thursdayAm, 1);
        PlaceHold hold = holds.hold("FOURN-ALPHA", thursdayAm);
        holds.claim(hold.getId(), "C1", "Z", THURSDAY, Slot.AM);
        clock.advanceTo(NOW.plus(Duration.ofHours(2)));
        assertThat(holds.releaseDue()).as("claimed: waiting for the case's booking").isZero();
        clock.advanceTo(NOW.plus(Duration.ofDays(1)));
        assertThat(holds.releaseDue()).isEqualTo(1);
        assertThat(chargeTable.held(thursdayAm)).isZero();
    }

    @Test
    void aRequestWhoseHoldWasLostIsBookedAsOneWithoutAHoldAndSaysSo() {
        SlotKey thursdayAm = new SlotKey("Z", THURSDAY, Slot.AM);
        chargeTable.setCapacity(thursdayAm, 1);
        chargeTable.setCapacity(new SlotKey("Z", THURSDAY, Slot.PM), 1);
        PlaceHold hold = holds.hold("FOURN-ALPHA", thursdayAm);
        holds.claim(hold.getId(), "C1", "Z", THURSDAY, Slot.AM);
        clock.advanceTo(NOW.plus(Duration.ofDays(1)));
        holds.releaseDue();
        chargeTable.book(thursdayAm, "someone-else");

        AppointmentBooked booked = book(request("C1", Version.STANDARD, thursdayAm, hold.getId()));
        assertThat(booked.slot()).isEqualTo(Slot.PM);
        assertThat(booked.kind()).isEqualTo(AppointmentKind.NEXT_FREE);
    }

    @Test
    void aHalfDayAlreadyBegunOrNotABusinessDayCannotBeHeld() {
        chargeTable.setCapacity(new SlotKey("Z", LocalDate.of(2026, 12, 1), Slot.AM), 3);
        assertThatThrownBy(() -> holds.hold("FOURN-ALPHA", new SlotKey("Z", LocalDate.of(2026, 12, 1), Slot.AM)))
                .isInstanceOf(Invalid.class).hasMessageContaining("already begun");
        assertThatThrownBy(() -> holds.hold("FOURN-ALPHA", new SlotKey("Z", LocalDate.of(2026, 12, 5), Slot.AM)))
                .isInstanceOf(Invalid.class).hasMessageContaining("not a business day");
    }

    @Test
    void aHoldLetGoFreesItsPlaceAndAUsedOneCannotBeLetGo() {
        SlotKey thursdayAm = new SlotKey("Z", THURSDAY, Slot.AM);
        chargeTable.setCapacity(thursdayAm, 2);
        PlaceHold unused = holds.hold("FOURN-ALPHA", thursdayAm);
        holds.release(unused.getId());
        assertThat(chargeTable.held(thursdayAm)).isZero();
        PlaceHold used = holds.hold("FOURN-ALPHA", thursdayAm);
        holds.claim(used.getId(), "C1", "Z", THURSDAY, Slot.AM);
        assertThatThrownBy(() -> holds.release(used.getId())).isInstanceOf(Conflict.class);
        assertThat(chargeTable.held(thursdayAm)).isEqualTo(1);
    }
}
