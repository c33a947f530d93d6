package fr.grd.mes.request.domain;

import fr.grd.mes.events.AppointmentBooked;
import fr.grd.mes.events.AppointmentKind;
import fr.grd.mes.events.ClientAbsent;
import fr.grd.mes.events.InterventionCompleted;
import fr.grd.mes.events.Slot;
import fr.grd.mes.events.SupplyState;
import fr.grd.mes.events.Version;
import fr.grd.mes.support.time.BusinessCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CaseTest {
    private static final Instant RECEIVED = Instant.parse("2026-12-01T09:00:00Z");
    private static final BusinessCalendar CALENDAR = new BusinessCalendar();

    private static Case newCase(Version version) {
        NewRequest request = new NewRequest("09111111111111", "FOURN", version, new Client("C", "0600000000"),
                LocalDate.of(2026, 12, 3), Slot.AM, List.of(), "REF", null, null, null);
        return Case.receive("A000000001", request, "Z", SupplyState.COUP, Deadlines.of(RECEIVED, CALENDAR), RECEIVED);
    }

    @ParameterizedTest(name = "received {0} (Paris) → express deadline {1}, standard deadline {2}")
    @CsvSource({
            "2026-12-01T09:00:00Z, 2026-12-03, 2026-12-08",
            "2026-12-04T16:00:00Z, 2026-12-08, 2026-12-11",
            "2026-12-04T23:30:00Z, 2026-12-08, 2026-12-11",
            "2026-12-23T10:00:00Z, 2026-12-28, 2026-12-31",
            "2026-12-30T10:00:00Z, 2027-01-04, 2027-01-07"
    })
    void deadlinesAreTwoAndFiveBusinessDaysAfterReceptionInParis(Instant received, LocalDate express,
                                                                  LocalDate standard) {
        Deadlines deadlines = Deadlines.of(received, CALENDAR);
        assertThat(deadlines.express()).isEqualTo(express);
        assertThat(deadlines.standard()).isEqualTo(standard);
    }

    @Test
    void anAdmissibleRequestIsTransmittedThenAdmissible() {
        Case c = newCase(Version.STANDARD);
        assertThat(c.getMilestones()).extracting(Milestone::code).containsExactly(MilestoneCode.DMTR, MilestoneCode.DMREC);
        assertThat(c.getStatus()).isEqualTo(CaseStatus.COURS);
        assertThat(c.requestCreated().zone()).isEqualTo("Z");
    }

    @Test
    void aConservatoryAppointmentPromisesACallBackWithinOneBusinessDay() {
        Case c = newCase(Version.EXPRESS);
        c.appointmentBooked(new AppointmentBooked("A000000001", "R1", "p", "Z", LocalDate.of(2026, 12, 8), Slot.AM,
                AppointmentKind.CONSERVATORY, LocalDate.of(2026, 12, 3), Slot.AM, false,
                fr.grd.mes.events.ChartBranch.OPTION_2_NOT_ESCALATED), RECEIVED);
        assertThat(c.isCallBackPromised()).isTrue();
        assertThat(c.canBeEscalated()).isTrue();
        assertThat(c.getMilestones()).extracting(Milestone::code).endsWith(MilestoneCode.INPL, MilestoneCode.RDVC);
    }

    @Test
    void clientAbsentClosesPrestationNonRealiseeWithTheInvitationToRenew() {
        Case c = newCase(Version.EXPRESS);
        var closed = c.clientAbsent(new ClientAbsent("A000000001", "R1", "p", "FOURN", Version.EXPRESS,
                LocalDate.of(2026, 12, 3), false, "REF", fr.grd.mes.events.ChartBranch.OPTION_1), RECEIVED);
        assertThat(closed.closureCode()).isEqualTo("CPNR");
        assertThat(c.getStatus()).isEqualTo(CaseStatus.TERMN);
        assertThat(c.getMessage()).contains("renouveler la demande").contains("présence est obligatoire");
        assertThat(c.getEffectiveInterventionDate()).isNull();
    }

    @Test
    void theSummarySheetOfAnAdvancedCaseIsIssuedTheDayAfterTheIntervention() {
        Case c = newCase(Version.EXPRESS);
        c.interventionCompleted(new InterventionCompleted("A000000001", "R1", "p", "FOURN", Version.EXPRESS,
                LocalDate.of(2026, 12, 3), 42, true, List.of(), "REF", fr.grd.mes.events.ChartBranch.OPTION_2_1_1_ADVANCED), RECEIVED);
        assertThat(c.issueSummarySheet(LocalDate.of(2026, 12, 3), RECEIVED)).isEmpty();
        var sheet = c.issueSummarySheet(LocalDate.of(2026, 12, 4), RECEIVED);
        assertThat(sheet).get().extracting(s -> s.effectiveInterventionDate()).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(c.issueSummarySheet(LocalDate.of(2026, 12, 5), RECEIVED)).isEmpty();
    }

    @Test
    void aCaseThatWasNotAdvancedHasNoSummarySheet() {
        Case c = newCase(Version.EXPRESS);
        c.interventionCompleted(new InterventionCompleted("A000000001", "R1", "p", "FOURN", Version.EXPRESS,
                LocalDate.of(2026, 12, 3), 42, false, List.of(), "REF", fr.grd.mes.events.ChartBranch.OPTION_1), RECEIVED);
        assertThat(c.issueSummarySheet(LocalDate.of(2026, 12, 9), RECEIVED)).isEmpty();
    }

    @Test
    void aMaintainedOrAdvancedAppointmentArrivingAfterTheClosureAddsNoMilestone() {
        Case c = CaseBuilder.aCase().express().conservatory().build();
        c.interventionCompleted(new InterventionCompleted(c.getId(), "R", c.getPdl(), c.getSupplierId(), Version.EXPRESS,
                LocalDate.of(2026, 12, 8), 1, false, List.of(), "REF", fr.grd.mes.events.ChartBranch.OPTION_2_2_NOT_ADVANCED), RECEIVED.plusSeconds(10));
        c.appointmentMaintained(new fr.grd.mes.events.AppointmentMaintained(c.getId(), "R", LocalDate.of(2026, 12, 8),
                Slot.AM, "INTERVENTION_ALREADY_DONE", fr.grd.mes.events.ChartBranch.OPTION_2_2_NOT_ADVANCED), RECEIVED.plusSeconds(11));
        assertThat(c.getMilestones()).extracting(Milestone::code).endsWith(MilestoneCode.CPRE)
                .doesNotContain(MilestoneCode.RDVM);
    }

    @Test
    void aRequestWithNoPlaceIsToldOnceThatItWaitsThenPlanned() {
        Case c = CaseBuilder.aCase().build();
        var waiting = new fr.grd.mes.events.AppointmentUnschedulable(c.getId(), "R", c.getPdl(), "Z",
                LocalDate.of(2026, 12, 3), Slot.AM, LocalDate.of(2027, 1, 14));
        c.appointmentUnschedulable(waiting, RECEIVED.plusSeconds(5));
        c.appointmentUnschedulable(waiting, RECEIVED.plusSeconds(6));
        c.appointmentBooked(new AppointmentBooked(c.getId(), "R", c.getPdl(), "Z", LocalDate.of(2026, 12, 4), Slot.PM,
                AppointmentKind.NEXT_FREE, LocalDate.of(2026, 12, 3), Slot.AM, false,
                fr.grd.mes.events.ChartBranch.OPTION_1), RECEIVED.plusSeconds(7));
        assertThat(c.getMilestones()).extracting(Milestone::code).containsExactly(MilestoneCode.DMTR,
                MilestoneCode.DMREC, MilestoneCode.ATPL, MilestoneCode.INPL);
    }

    private static AppointmentBooked bookedOn(Case c, LocalDate date, AppointmentKind kind) {
        return new AppointmentBooked(c.getId(), "R", c.getPdl(), "Z", date, Slot.AM, kind, c.getRequestedDate(),
                c.getRequestedSlot(), false, kind == AppointmentKind.CONSERVATORY
                ? fr.grd.mes.events.ChartBranch.OPTION_2_NOT_ESCALATED : fr.grd.mes.events.ChartBranch.OPTION_1);
    }

    @Test
    void anAppointmentAfterTheApplicableDeadlineTheClientAskedWithinIsFlaggedPastDeadline() {
        Case standard = CaseBuilder.aCase().standard().requestedOn(LocalDate.of(2026, 12, 3), Slot.AM).build();
        standard.appointmentBooked(bookedOn(standard, LocalDate.of(2026, 12, 9), AppointmentKind.NEXT_FREE), RECEIVED);
        assertThat(standard.getDeadlines().standard()).isEqualTo(LocalDate.of(2026, 12, 8));
        assertThat(standard.isPastDeadline()).isTrue();

        Case onTime = CaseBuilder.aCase().standard().requestedOn(LocalDate.of(2026, 12, 3), Slot.AM).build();
        onTime.appointmentBooked(bookedOn(onTime, LocalDate.of(2026, 12, 8), AppointmentKind.NEXT_FREE), RECEIVED);
        assertThat(onTime.isPastDeadline()).as("on the deadline day itself").isFalse();
    }

    @Test
    void aDateTheClientChoseAfterTheDeadlineIsNotLate() {
        Case chosen = CaseBuilder.aCase().express().requestedOn(LocalDate.of(2026, 12, 10), Slot.AM).build();
        chosen.appointmentBooked(bookedOn(chosen, LocalDate.of(2026, 12, 10), AppointmentKind.REQUESTED), RECEIVED);
        assertThat(chosen.isPastDeadline()).isFalse();
        assertThat(chosen.getExpressDecision()).isEqualTo("CLIENT_CHOSE_LATER_DATE");
    }

    @Test
    void aConservatoryAppointmentIsNotLateBeforeTheExpressDecisionAndIsOnceTheDateIsMaintained() {
        Case c = CaseBuilder.aCase().express().requestedOn(LocalDate.of(2026, 12, 3), Slot.AM).conservatory().build();
        assertThat(c.isPastDeadline()).as("the desk may still advance it").isFalse();
        c.appointmentMaintained(new fr.grd.mes.events.AppointmentMaintained(c.getId(), "R", LocalDate.of(2026, 12, 8),
                Slot.AM, "NO_SLOT_FOUND", fr.grd.mes.events.ChartBranch.OPTION_2_2_NOT_ADVANCED), RECEIVED);
        assertThat(c.isPastDeadline()).isTrue();
        assertThat(c.getBranch()).isEqualTo(fr.grd.mes.events.ChartBranch.OPTION_2_2_NOT_ADVANCED);

        Case advanced = CaseBuilder.aCase().express().requestedOn(LocalDate.of(2026, 12, 3), Slot.AM).conservatory()
                .build();
        advanced.appointmentAdvanced(new fr.grd.mes.events.AppointmentAdvanced(advanced.getId(), "R",
                LocalDate.of(2026, 12, 8), Slot.AM, LocalDate.of(2026, 12, 3), Slot.PM), RECEIVED);
        assertThat(advanced.isPastDeadline()).isFalse();
        assertThat(advanced.getBranch()).isEqualTo(fr.grd.mes.events.ChartBranch.OPTION_2_1_1_ADVANCED);
    }

    @Test
    void anAppointmentNotAtTheRequestedPlaceSaysSoInItsPlanningMilestone() {
        Case c = CaseBuilder.aCase().standard().requestedOn(LocalDate.of(2026, 12, 3), Slot.AM).build();
        c.appointmentBooked(bookedOn(c, LocalDate.of(2026, 12, 4), AppointmentKind.NEXT_FREE), RECEIVED);
        assertThat(c.getMilestones()).last().satisfies(m -> {
            assertThat(m.code()).isEqualTo(MilestoneCode.INPL);
            assertThat(m.detail()).contains("place demandée le 2026-12-03 AM indisponible")
                    .contains("rendez-vous le 2026-12-04 AM");
        });
    }
}
