package fr.grd.mes.scheduling.domain;

import fr.grd.mes.events.AppointmentKind;
import fr.grd.mes.events.RequestCreated;
import fr.grd.mes.events.Slot;
import fr.grd.mes.events.SupplyState;
import fr.grd.mes.events.Version;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Seed option 2 on the appointment: window, proposal, client call, window end, outcomes. */
class ExpressAdvancementTest {
    private static final Instant ESCALATED = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant WINDOW_END = Instant.parse("2026-12-02T09:00:00Z");
    private static final SlotKey CONSERVATORY = new SlotKey("Z", LocalDate.of(2026, 12, 8), Slot.AM);
    private static final SlotKey ADVANCED = new SlotKey("Z", LocalDate.of(2026, 12, 3), Slot.PM);

    private static Appointment conservatory() {
        RequestCreated request = new RequestCreated("A1", "09111111111111", "S", Version.EXPRESS, "Z",
                SupplyState.COUP, "C", "0600000000", LocalDate.of(2026, 12, 1), Slot.AM, List.of(), "R",
                ESCALATED, LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 8), null);
        return Appointment.book(request, Optional.of(CONSERVATORY), AppointmentKind.CONSERVATORY);
    }

    @Test
    void clientReachableAndAgreedAdvancesTheAppointment() {
        Appointment a = conservatory();
        assertThat(a.openAdvancementWindow(ESCALATED, WINDOW_END)).isTrue();
        assertThat(a.propose(ADVANCED, ESCALATED.plusSeconds(60), HalfDays.DEFAULT)).isTrue();
        var advanced = a.clientAgreed(ESCALATED.plusSeconds(120), HalfDays.DEFAULT);
        assertThat(advanced.previousDate()).isEqualTo(CONSERVATORY.date());
        assertThat(advanced.date()).isEqualTo(ADVANCED.date());
        assertThat(a.isAdvanced()).isTrue();
        assertThat(a.getKind()).isEqualTo(AppointmentKind.ADVANCED);
        assertThat(a.complete(1234, WINDOW_END).advanced()).isTrue();
    }

    @Test
    void clientUnreachableKeepsTheInitialDateAndIsNotAdvanced() {
        Appointment a = conservatory();
        a.openAdvancementWindow(ESCALATED, WINDOW_END);
        a.propose(ADVANCED, ESCALATED.plusSeconds(60), HalfDays.DEFAULT);
        var maintained = a.keepInitialDate(Appointment.CLIENT_UNREACHABLE, ESCALATED.plusSeconds(90));
        assertThat(maintained.date()).isEqualTo(CONSERVATORY.date());
        assertThat(maintained.reason()).isEqualTo("CLIENT_UNREACHABLE");
        assertThat(a.isAdvanced()).isFalse();
        assertThat(a.complete(1, WINDOW_END).advanced()).isFalse();
    }

    @Test
    void theWindowClosesByItselfAfterOneBusinessDayWithTheInitialDateMaintained() {
        Appointment a = conservatory();
        a.openAdvancementWindow(ESCALATED, WINDOW_END);
        assertThat(a.closeWindowIfDue(WINDOW_END.minusSeconds(1))).isEmpty();
        var maintained = a.closeWindowIfDue(WINDOW_END);
        assertThat(maintained).get().extracting(m -> m.reason()).isEqualTo("NO_SLOT_FOUND");
        assertThat(a.getAdvancement().isActive()).isFalse();
        assertThat(a.propose(ADVANCED, WINDOW_END, HalfDays.DEFAULT)).isFalse();
    }

    @Test
    void onlyAConservatoryAppointmentCanBeAdvanced() {
        RequestCreated request = new RequestCreated("A2", "09111111111111", "S", Version.EXPRESS, "Z",
                SupplyState.COUP, "C", "0600000000", LocalDate.of(2026, 12, 2), Slot.AM, List.of(), "R",
                ESCALATED, LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 8), null);
        Appointment within = Appointment.book(request, Optional.of(ADVANCED), AppointmentKind.REQUESTED);
        assertThat(within.openAdvancementWindow(ESCALATED, WINDOW_END)).isFalse();
    }

    @Test
    void clientAbsentAfterAnAdvancementIsAnOutcomeNotAnError() {
        Appointment a = conservatory();
        a.openAdvancementWindow(ESCALATED, WINDOW_END);
        a.propose(ADVANCED, ESCALATED, HalfDays.DEFAULT);
        a.clientAgreed(ESCALATED, HalfDays.DEFAULT);
        var absent = a.clientAbsent(WINDOW_END);
        assertThat(absent.advanced()).isTrue();
        assertThat(a.getStatus()).isEqualTo(AppointmentStatus.CLIENT_ABSENT);
        assertThatThrownBy(() -> a.complete(1, WINDOW_END)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anOutcomeRecordedDuringAnAdvancementClosesItMaintainedFirst() {
        Appointment a = conservatory();
        a.openAdvancementWindow(ESCALATED, WINDOW_END);
        a.propose(ADVANCED, ESCALATED.plusSeconds(60), HalfDays.DEFAULT);
        var maintained = a.closeAdvancementForOutcome(ESCALATED.plusSeconds(90)).orElseThrow();
        assertThat(maintained.reason()).isEqualTo(Appointment.INTERVENTION_ALREADY_DONE);
        assertThat(maintained.date()).isEqualTo(CONSERVATORY.date());
        assertThat(a.getAdvancement().isActive()).isFalse();
        assertThat(a.closeAdvancementForOutcome(ESCALATED.plusSeconds(91))).as("once").isEmpty();
        assertThat(a.complete(1234, ESCALATED.plusSeconds(92)).advanced()).isFalse();
    }

    @Test
    void aWindowEndingWithAProposalNobodyCalledSaysSo() {
        Appointment a = conservatory();
        a.openAdvancementWindow(ESCALATED, WINDOW_END);
        a.propose(ADVANCED, ESCALATED.plusSeconds(60), HalfDays.DEFAULT);
        assertThat(a.closeWindowIfDue(WINDOW_END).orElseThrow().reason()).isEqualTo(Appointment.PROPOSAL_NOT_CALLED);
    }

    @Test
    void aWindowNeverClosesAsMaintainedAfterTheOutcome() {
        Appointment a = conservatory();
        a.openAdvancementWindow(ESCALATED, WINDOW_END);
        a.complete(1234, ESCALATED.plusSeconds(30));
        assertThat(a.closeWindowIfDue(WINDOW_END.plusSeconds(1))).isEmpty();
        assertThat(a.outcomeRefusal(CONSERVATORY.date())).hasValueSatisfying(reason ->
                assertThat(reason).contains("COMPLETED"));
        assertThat(a.outcomeRefusal(CONSERVATORY.date().minusDays(1))).isPresent();
    }

    @Test
    void theClientsAgreementCountsOnlyWithinTheWindowAndBeforeTheProposedHalfDayBegins() {
        Appointment late = conservatory();
        late.openAdvancementWindow(ESCALATED, WINDOW_END);
        late.propose(ADVANCED, ESCALATED.plusSeconds(60), HalfDays.DEFAULT);
        assertThatThrownBy(() -> late.clientAgreed(WINDOW_END, HalfDays.DEFAULT)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("window");

        Appointment started = conservatory();
        started.openAdvancementWindow(ESCALATED, Instant.parse("2026-12-04T09:00:00Z"));
        started.propose(ADVANCED, ESCALATED.plusSeconds(60), HalfDays.DEFAULT);
        // Thursday 3 December, 13:30 in Paris is 12:30 UTC: a minute later the afternoon has begun
        assertThatThrownBy(() -> started.clientAgreed(Instant.parse("2026-12-03T12:31:00Z"), HalfDays.DEFAULT))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("begun");
        assertThat(started.clientAgreed(Instant.parse("2026-12-03T12:29:00Z"), HalfDays.DEFAULT).date()).isEqualTo(ADVANCED.date());
    }

    @Test
    void aHalfDayThatHasBegunIsNeverProposed() {
        Appointment a = conservatory();
        a.openAdvancementWindow(ESCALATED, WINDOW_END);
        SlotKey thisMorning = new SlotKey("Z", LocalDate.of(2026, 12, 1), Slot.AM);
        assertThat(a.propose(thisMorning, ESCALATED, HalfDays.DEFAULT)).as("10:00 in Paris, the morning began at 08:00").isFalse();
        assertThat(a.propose(new SlotKey("Z", LocalDate.of(2026, 12, 1), Slot.PM), ESCALATED, HalfDays.DEFAULT)).isTrue();
    }

    @Test
    void anEscalationAfterTheExpressDeadlineIsMaintainedAtOnce() {
        Appointment a = conservatory();
        a.openAdvancementWindow(ESCALATED, WINDOW_END);
        assertThat(a.maintainIfPastExpressDeadline(LocalDate.of(2026, 12, 3), ESCALATED)).as("on the deadline")
                .isEmpty();
        var maintained = a.maintainIfPastExpressDeadline(LocalDate.of(2026, 12, 4), ESCALATED).orElseThrow();
        assertThat(maintained.reason()).isEqualTo(Appointment.EXPRESS_DEADLINE_PASSED);
        assertThat(a.getAdvancement().isActive()).isFalse();
    }
}
