package fr.grd.mes.request.adapter.in.web;

import fr.grd.mes.events.Slot;
import fr.grd.mes.events.SupplyState;
import fr.grd.mes.events.Version;
import fr.grd.mes.request.domain.Appointment;
import fr.grd.mes.request.domain.Case;
import fr.grd.mes.request.domain.Client;
import fr.grd.mes.request.domain.Milestone;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a supplier (or the desk) sees of a case: status, deadlines, milestones, appointment, express decision,
 * outcome, and the client to call at the installation.
 */
public record CaseView(
        String caseId,
        String pdl,
        String supplierId,
        Version version,
        String status,
        String closureCode,
        String zone,
        SupplyState supplyStateAtRequest,
        Requested requested,
        /** The CPNR case this one renews, and the case that renewed this one (client absent, then renewed). */
        Renewal renewal,
        /** The branch of the decision chart the case follows, as scheduling decided it (null until booked). */
        fr.grd.mes.events.ChartBranch branch,
        Deadlines deadlines,
        Appointment appointment,
        Express express,
        Outcome outcome,
        List<MilestoneView> milestones,
        List<String> additionalServices,
        String externalReference,
        Client client,
        String message,
        Instant receivedAt) {

    /** The date and half day asked for, and the place of the charge table held for them (coupled booking). */
    public record Requested(LocalDate date, Slot slot, String holdId) {
    }

    public record Renewal(String renewalOf, String renewedBy) {
    }

    /** {@code appointmentPastDeadline}: the appointment misses the applicable deadline the client asked within. */
    public record Deadlines(LocalDate express, LocalDate standard, LocalDate applicable, boolean appointmentPastDeadline) {
    }

    public record Express(boolean callBackPromised, Instant escalatedAt, String decision,
                          Instant summarySheetIssuedAt) {
    }

    public record Outcome(LocalDate effectiveInterventionDate, Long meterIndex) {
    }

    public record MilestoneView(int number, String code, String label, Instant at, String detail) {
        static MilestoneView of(Milestone m) {
            return new MilestoneView(m.number(), m.code().name(), m.label(), m.at(), m.detail());
        }
    }

    public static CaseView of(Case c) {
        return new CaseView(c.getId(), c.getPdl(), c.getSupplierId(), c.getRequestVersion(), c.getStatus().name(),
                c.getClosureCode(), c.getZone(), c.getSupplyState(),
                new Requested(c.getRequestedDate(), c.getRequestedSlot(), c.getHoldId()),
                c.getRenewalOf() == null && c.getRenewedBy() == null ? null
                        : new Renewal(c.getRenewalOf(), c.getRenewedBy()), c.getBranch(),
                new Deadlines(c.getDeadlines().express(), c.getDeadlines().standard(),
                        c.getDeadlines().applicableTo(c.getRequestVersion()), c.isPastDeadline()),
                c.getAppointment(),
                new Express(c.isCallBackPromised(), c.getEscalatedAt(), c.getExpressDecision(),
                        c.getSummarySheetIssuedAt()),
                c.getEffectiveInterventionDate() == null && c.getMeterIndex() == null ? null
                        : new Outcome(c.getEffectiveInterventionDate(), c.getMeterIndex()),
                c.getMilestones().stream().map(MilestoneView::of).toList(), c.getAdditionalServices(),
                c.getExternalReference(), c.getClient(), c.getMessage(), c.getReceivedAt());
    }
}
