package fr.grd.mes.request.domain;

import fr.grd.mes.events.AppointmentAdvanced;
import fr.grd.mes.events.AppointmentBooked;
import fr.grd.mes.events.AppointmentKind;
import fr.grd.mes.events.AppointmentMaintained;
import fr.grd.mes.events.AppointmentUnschedulable;
import fr.grd.mes.events.CaseClosed;
import fr.grd.mes.events.ChartBranch;
import fr.grd.mes.events.ClientAbsent;
import fr.grd.mes.events.ExpressEscalated;
import fr.grd.mes.events.InterventionCompleted;
import fr.grd.mes.events.RequestCreated;
import fr.grd.mes.events.Slot;
import fr.grd.mes.events.SummarySheet;
import fr.grd.mes.events.SupplyState;
import fr.grd.mes.events.TrackingRecord;
import fr.grd.mes.events.Version;
import fr.grd.mes.support.aggregate.AggregateRoot;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A supplier's "mise en service sur installation existante" case ("affaire"): the request as received, its
 * deadlines, its appointment, its numbered milestones and how it closed. Transitions return the events they
 * cause; the application layer stores them with the case in one write.
 */
public class Case extends AggregateRoot {
    public static final String REQUEST_OBJECT = "MES";
    public static final String CHANNEL = "PORTAIL";
    public static final String PRESENCE_REMINDER = "La présence du client est obligatoire lors de l'intervention.";
    public static final String RENEWAL_INVITATION = "Client absent : mise en service non réalisée, un frais de "
            + "déplacement vain est facturé. Merci de renouveler la demande de mise en service avec déplacement en "
            + "avertissant le client que sa présence est obligatoire.";

    private String id;
    private String pdl;
    /**
     * The PdL while the case is open, absent once closed: one open case per delivery point (a second request on a
     * PdL whose mise en service is under way would mean two trips, two forfaits and two perimeter entries).
     */
    private String openPdl;
    private String supplierId;
    private Version requestVersion;
    private String zone;
    private SupplyState supplyState;
    private Client client;
    private LocalDate requestedDate;
    private Slot requestedSlot;
    private List<String> additionalServices = new ArrayList<>();
    private String externalReference;
    private String portalRequestId;
    /** The place of the charge table the supplier held for this request (coupled booking), if it did. */
    private String holdId;
    /** The case closed with the client absent (CPNR) this one renews, and the case that renewed this one. */
    private String renewalOf;
    private String renewedBy;
    /**
     * The appointment lies after the applicable deadline (2 business days express, 5 standard) although the client
     * asked for a date within it: the distributor misses the deadline. A conservatory appointment is not late
     * before the express decision (the desk may still advance it).
     */
    private boolean pastDeadline;
    /** The branch of the decision chart, as scheduling decided it (never derived here). */
    private ChartBranch branch;
    private Instant receivedAt;
    private Deadlines deadlines;
    private CaseStatus status;
    private String closureCode;
    private List<Milestone> milestones = new ArrayList<>();
    private Appointment appointment;
    private boolean callBackPromised;
    private Instant escalatedAt;
    private String expressDecision;
    private LocalDate effectiveInterventionDate;
    private Long meterIndex;
    private String message;
    private boolean summarySheetDue;
    private Instant summarySheetIssuedAt;

    Case() {
    }

    /** DMTR then DMREC: the request reached the distributor and is admissible. */
    public static Case receive(String caseId, NewRequest request, String zone, SupplyState supplyState,
                               Deadlines deadlines, Instant now) {
        Case c = new Case();
        c.id = caseId;
        c.pdl = request.pdl();
        c.openPdl = request.pdl();
        c.supplierId = request.supplierId();
        c.requestVersion = request.version();
        c.zone = zone;
        c.supplyState = supplyState;
        c.client = request.client();
        c.requestedDate = request.requestedDate();
        c.requestedSlot = request.requestedSlot();
        c.additionalServices = new ArrayList<>(request.additionalServices());
        c.externalReference = request.externalReference();
        c.portalRequestId = request.portalRequestId();
        c.holdId = request.holdId();
        c.receivedAt = now;
        c.deadlines = deadlines;
        c.status = CaseStatus.COURS;
        c.renewalOf = request.renewalOf();
        // a renewal after an absent client states the presence obligation again, in its very first milestone
        c.milestone(MilestoneCode.DMTR, now, request.renewalOf() == null ? null
                : "renouvellement de l'affaire " + request.renewalOf() + " (client absent). " + PRESENCE_REMINDER);
        c.milestone(MilestoneCode.DMREC, now, null);
        c.message = PRESENCE_REMINDER;
        return c;
    }

    public RequestCreated requestCreated() {
        return new RequestCreated(id, pdl, supplierId, requestVersion, zone, supplyState, client.name(),
                client.phone(), requestedDate, requestedSlot, List.copyOf(additionalServices), externalReference,
                receivedAt, deadlines.express(), deadlines.standard(), holdId);
    }

    /** INPL with the booked date; an express request without a slot within 2 business days gets RDVC too. */
    public void appointmentBooked(AppointmentBooked booked, Instant now) {
        appointment = new Appointment(booked.appointmentId(), booked.date(), booked.slot(), booked.kind());
        branch = booked.branch();
        boolean asRequested = booked.date().equals(requestedDate) && booked.slot() == requestedSlot;
        milestone(MilestoneCode.INPL, now, asRequested ? booked.date() + " " + booked.slot()
                : "place demandée le " + requestedDate + " " + requestedSlot + " indisponible, rendez-vous le "
                + booked.date() + " " + booked.slot());
        if (booked.kind() == AppointmentKind.CONSERVATORY) {
            callBackPromised = true;
            expressDecision = "PENDING";
            milestone(MilestoneCode.RDVC, now, "rendez-vous conservatoire le " + booked.date() + " " + booked.slot());
        } else if (requestVersion == Version.EXPRESS) {
            // scheduling says whether the booking met the 2 business days; after it, the client chose a later date
            expressDecision = booked.withinExpressDeadline() ? "MET_AT_BOOKING" : "CLIENT_CHOSE_LATER_DATE";
        }
        reassessDeadline();
    }

    /** The supplier called the "Acheminement" line with the SGE case number (seed option 2). */
    public Optional<ExpressEscalated> escalate(String caller, Instant now) {
        if (status != CaseStatus.COURS || escalatedAt != null) {
            return Optional.empty();
        }
        escalatedAt = now;
        milestone(MilestoneCode.DEXP, now, caller == null ? null : "appel de " + caller);
        return Optional.of(new ExpressEscalated(id, id, now, caller));
    }

    public boolean canBeEscalated() {
        return status == CaseStatus.COURS && appointment != null && appointment.kind() == AppointmentKind.CONSERVATORY
                && escalatedAt == null;
    }

    public void appointmentAdvanced(AppointmentAdvanced advanced, Instant now) {
        if (status == CaseStatus.TERMN) {
            return;
        }
        appointment = new Appointment(advanced.appointmentId(), advanced.date(), advanced.slot(),
                AppointmentKind.ADVANCED);
        expressDecision = "GRANTED";
        branch = ChartBranch.OPTION_2_1_1_ADVANCED;
        reassessDeadline();
        milestone(MilestoneCode.RDVA, now, advanced.previousDate() + " " + advanced.previousSlot() + " -> "
                + advanced.date() + " " + advanced.slot());
    }

    /**
     * ATPL: no place was free in the charge table up to {@code searchedUntil}; the case waits and is planned (INPL)
     * as soon as a place is added. Said once.
     */
    public void appointmentUnschedulable(AppointmentUnschedulable waiting, Instant now) {
        if (status == CaseStatus.TERMN || appointment != null
                || milestones.stream().anyMatch(m -> m.code() == MilestoneCode.ATPL)) {
            return;
        }
        milestone(MilestoneCode.ATPL, now, "aucune place jusqu'au " + waiting.searchedUntil());
    }

    /** RDVM; never after the case closed (a late "maintained" cannot follow CPRE or CPNR in the flow). */
    public void appointmentMaintained(AppointmentMaintained maintained, Instant now) {
        if (status == CaseStatus.TERMN) {
            return;
        }
        expressDecision = "NOT_GRANTED";
        branch = maintained.branch();
        reassessDeadline();
        milestone(MilestoneCode.RDVM, now, maintained.reason() + ", rendez-vous du " + maintained.date() + " "
                + maintained.slot());
    }

    /** CPRE with the effective intervention date; an advanced express case owes a summary sheet next day. */
    public CaseClosed interventionCompleted(InterventionCompleted done, Instant now) {
        effectiveInterventionDate = done.interventionDate();
        meterIndex = done.meterIndex();
        status = CaseStatus.TERMN;
        openPdl = null;
        closureCode = MilestoneCode.CPRE.name();
        branch = done.branch();
        summarySheetDue = done.branch() == null ? done.advanced() : done.branch().advanced();
        message = null;
        milestone(MilestoneCode.CPRE, now, "intervention du " + done.interventionDate());
        return new CaseClosed(id, pdl, closureCode, effectiveInterventionDate, now);
    }

    /** CPNR: no "mise en service"; the supplier is invited to renew its request (seed, "Client absent"). */
    public CaseClosed clientAbsent(ClientAbsent absent, Instant now) {
        status = CaseStatus.TERMN;
        openPdl = null;
        closureCode = MilestoneCode.CPNR.name();
        branch = absent.branch();
        message = RENEWAL_INVITATION;
        milestone(MilestoneCode.CPNR, now, "client absent le " + absent.interventionDate());
        return new CaseClosed(id, pdl, closureCode, null, now);
    }

    /**
     * Whether {@code renewal} (of the same supplier) may renew this case: closed with the client absent, on the same
     * PdL, and not renewed yet. Empty when it may; otherwise why not.
     */
    public Optional<String> renewalRefusal(String renewalPdl) {
        if (!MilestoneCode.CPNR.name().equals(closureCode)) {
            return Optional.of("case " + id + " did not close with the client absent (CPNR): only such a case is renewed");
        }
        if (!pdl.equals(renewalPdl)) {
            return Optional.of("case " + id + " is on delivery point " + pdl + ", not " + renewalPdl);
        }
        if (renewedBy != null) {
            return Optional.of("case " + id + " is already renewed by case " + renewedBy);
        }
        return Optional.empty();
    }

    /** The link back from the case that renewed this one; said once. */
    public boolean renewedBy(String renewalCaseId) {
        if (renewedBy != null) {
            return false;
        }
        renewedBy = renewalCaseId;
        return true;
    }

    /** Whether the current appointment misses the applicable deadline (see {@link #pastDeadline}). */
    private void reassessDeadline() {
        LocalDate deadline = deadlines.applicableTo(requestVersion);
        boolean awaitingExpressDecision = appointment.kind() == AppointmentKind.CONSERVATORY
                && "PENDING".equals(expressDecision);
        pastDeadline = appointment.date().isAfter(deadline) && !requestedDate.isAfter(deadline)
                && !awaitingExpressDecision;
    }

    public boolean isPastDeadline() {
        return pastDeadline;
    }

    /** "La fiche de synthèse de l'affaire clôturée le lendemain de l'intervention." */
    public Optional<SummarySheet> issueSummarySheet(LocalDate today, Instant now) {
        if (!summarySheetDue || summarySheetIssuedAt != null || !today.isAfter(effectiveInterventionDate)) {
            return Optional.empty();
        }
        summarySheetIssuedAt = now;
        return Optional.of(new SummarySheet(id, pdl, supplierId, externalReference, effectiveInterventionDate,
                closureCode, now));
    }

    public TrackingRecord tracking() {
        List<TrackingRecord.Milestone> steps = milestones.stream()
                .map(m -> new TrackingRecord.Milestone(m.number(), m.code().name(), m.label(), m.at(), m.detail()))
                .toList();
        return new TrackingRecord(id, pdl, supplierId, externalReference, REQUEST_OBJECT, CHANNEL, requestVersion,
                status.name(), steps, appointment == null ? null : appointment.date(),
                appointment == null ? null : appointment.slot(), effectiveInterventionDate, message);
    }

    private void milestone(MilestoneCode code, Instant at, String detail) {
        milestones.add(new Milestone(milestones.size() + 1, code, at, detail));
    }

    @Override
    public String getId() {
        return id;
    }

    /** The PdL if this case is still open (a new request on it is refused), else null. */
    public String getOpenPdl() {
        return openPdl;
    }

    public String getPdl() {
        return pdl;
    }

    public String getSupplierId() {
        return supplierId;
    }

    public Version getRequestVersion() {
        return requestVersion;
    }

    public String getZone() {
        return zone;
    }

    public SupplyState getSupplyState() {
        return supplyState;
    }

    public Client getClient() {
        return client;
    }

    public LocalDate getRequestedDate() {
        return requestedDate;
    }

    public Slot getRequestedSlot() {
        return requestedSlot;
    }

    public List<String> getAdditionalServices() {
        return List.copyOf(additionalServices);
    }

    public String getExternalReference() {
        return externalReference;
    }

    public String getPortalRequestId() {
        return portalRequestId;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public Deadlines getDeadlines() {
        return deadlines;
    }

    public CaseStatus getStatus() {
        return status;
    }

    public String getClosureCode() {
        return closureCode;
    }

    public List<Milestone> getMilestones() {
        return List.copyOf(milestones);
    }

    public Appointment getAppointment() {
        return appointment;
    }

    public boolean isCallBackPromised() {
        return callBackPromised;
    }

    public Instant getEscalatedAt() {
        return escalatedAt;
    }

    public String getRenewalOf() {
        return renewalOf;
    }

    public String getRenewedBy() {
        return renewedBy;
    }

    public String getHoldId() {
        return holdId;
    }

    public ChartBranch getBranch() {
        return branch;
    }

    public String getExpressDecision() {
        return expressDecision;
    }

    public LocalDate getEffectiveInterventionDate() {
        return effectiveInterventionDate;
    }

    public Long getMeterIndex() {
        return meterIndex;
    }

    public String getMessage() {
        return message;
    }

    public boolean isSummarySheetDue() {
        return summarySheetDue;
    }

    public Instant getSummarySheetIssuedAt() {
        return summarySheetIssuedAt;
    }
}
