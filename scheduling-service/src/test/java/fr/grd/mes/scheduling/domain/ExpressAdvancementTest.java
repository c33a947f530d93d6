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
                ESCALATED, LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 8));
        return Appointment.book(request, Optional.of(CONSERVATORY), AppointmentKind.CONSERVATORY);
    }

    @Test
    void clientReachableAndAgreedAdvancesTheAppointment() {
        Appointment a = conservatory();
        assertThat(a.openAdvancementWindow(ESCALATED, WINDOW_END)).isTrue();
        assertThat(a.propose(ADVANCED, ESCALATED.plusSeconds(60))).isTrue();
        var advanced = a.clientAgreed(ESCALATED.plusSeconds(120));
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
        a.propose(ADVANCED, ESCALATED.plusSeconds(60));
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
        assertThat(a.propose(ADVANCED, WINDOW_END)).isFalse();
    }

    @Test
    void onlyAConservatoryAppointmentCanBeAdvanced() {
        RequestCreated request = new RequestCreated("A2", "09111111111111", "S", Version.EXPRESS, "Z",
                SupplyState.COUP, "C", "0600000000", LocalDate.of(2026, 12, 2), Slot.AM, List.of(), "R",
                ESCALATED, LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 8));
        Appointment within = Appointment.book(request, Optional.of(ADVANCED), AppointmentKind.REQUESTED);
        assertThat(within.openAdvancementWindow(ESCALATED, WINDOW_END)).isFalse();
    }

    @Test
    void clientAbsentAfterAnAdvancementIsAnOutcomeNotAnError() {
        Appointment a = conservatory();
        a.openAdvancementWindow(ESCALATED, WINDOW_END);
        a.propose(ADVANCED, ESCALATED);
        a.clientAgreed(ESCALATED);
        var absent = a.clientAbsent(WINDOW_END);
        assertThat(absent.advanced()).isTrue();
        assertThat(a.getStatus()).isEqualTo(AppointmentStatus.CLIENT_ABSENT);
        assertThatThrownBy(() -> a.complete(1, WINDOW_END)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void noOutcomeIsRecordedWhileAnAdvancementIsOpenOrWaitingForTheClient() {
        Appointment a = conservatory();
        LocalDate onTheDate = CONSERVATORY.date();
        assertThat(a.outcomeRefusal(onTheDate)).isEmpty();
        a.openAdvancementWindow(ESCALATED, WINDOW_END);
        assertThat(a.outcomeRefusal(onTheDate)).hasValueSatisfying(reason -> assertThat(reason).contains("OPEN"));
        a.propose(ADVANCED, ESCALATED.plusSeconds(60));
        assertThat(a.outcomeRefusal(onTheDate)).hasValueSatisfying(reason -> assertThat(reason).contains("PROPOSED"));
        a.keepInitialDate(Appointment.CLIENT_UNREACHABLE, ESCALATED.plusSeconds(90));
        assertThat(a.outcomeRefusal(onTheDate)).isEmpty();
        assertThat(a.outcomeRefusal(onTheDate.minusDays(1))).hasValueSatisfying(reason ->
                assertThat(reason).contains("before that date"));
    }

    @Test
    void aWindowNeverClosesAsMaintainedAfterTheOutcome() {
        Appointment a = conservatory();
        a.openAdvancementWindow(ESCALATED, WINDOW_END);
        a.complete(1234, ESCALATED.plusSeconds(30));
        assertThat(a.closeWindowIfDue(WINDOW_END.plusSeconds(1))).isEmpty();
        assertThat(a.outcomeRefusal(CONSERVATORY.date())).hasValueSatisfying(reason ->
                assertThat(reason).contains("COMPLETED"));
    }
}
