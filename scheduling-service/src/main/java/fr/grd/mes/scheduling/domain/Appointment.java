package fr.grd.mes.scheduling.domain;

import fr.grd.mes.events.AppointmentAdvanced;
import fr.grd.mes.events.AppointmentBooked;
import fr.grd.mes.events.AppointmentKind;
import fr.grd.mes.events.AppointmentMaintained;
import fr.grd.mes.events.AppointmentUnschedulable;
import fr.grd.mes.events.ChartBranch;
import fr.grd.mes.events.ClientAbsent;
import fr.grd.mes.events.InterventionCompleted;
import fr.grd.mes.events.RequestCreated;
import fr.grd.mes.events.Slot;
import fr.grd.mes.events.Version;
import fr.grd.mes.support.aggregate.AggregateRoot;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The appointment of a case: where the charge table placed it, the express advancement attempt if the
 * supplier escalated, and the intervention outcome. Outcomes the seed names (client absent, advancement not
 * possible, client unreachable) are events, not errors.
 */
public class Appointment extends AggregateRoot {
    public static final String NO_SLOT_FOUND = "NO_SLOT_FOUND";
    public static final String CLIENT_UNREACHABLE = "CLIENT_UNREACHABLE";
    public static final String CLIENT_AGREED = "CLIENT_AGREED";
    public static final String CLIENT_DECLINED = "CLIENT_DECLINED";
    /** The window ended with a place proposed but the desk never called the client. */
    public static final String PROPOSAL_NOT_CALLED = "PROPOSAL_NOT_CALLED";
    /** The supplier called after the express deadline: no earlier date can meet it any more. */
    public static final String EXPRESS_DEADLINE_PASSED = "EXPRESS_DEADLINE_PASSED";
    /** The technician's outcome was recorded while the advancement was still open: the date it happened on stays. */
    public static final String INTERVENTION_ALREADY_DONE = "INTERVENTION_ALREADY_DONE";

    private String id;
    private String caseId;
    private String pdl;
    private String zone;
    private String supplierId;
    private Version requestVersion;
    private LocalDate requestedDate;
    private Slot requestedSlot;
    private LocalDate expressDeadline;
    /** When the distributor received the request (how long an unscheduled one has waited). */
    private java.time.Instant receivedAt;
    private List<String> additionalServices = new ArrayList<>();
    private String externalReference;
    private LocalDate date;
    private Slot slot;
    private AppointmentKind kind;
    private AppointmentStatus status;
    private boolean advanced;
    private Advancement advancement;
    private Long meterIndex;
    private Instant outcomeRecordedAt;
    /** Charge-table changes owed by a decision already stored, carried out after it (and replayed after a crash). */
    private List<PlaceStep> pendingPlaceSteps = new ArrayList<>();

    Appointment() {
    }

    public static String idFor(String caseId) {
        return caseId + "-R1";
    }

    /** The id under which the desk holds the place it proposes for this appointment's advancement. */
    public String advancementHoldId() {
        return id + "#advance";
    }

    public List<PlaceStep> pendingPlaceSteps() {
        return List.copyOf(pendingPlaceSteps);
    }

    /** These owed charge-table changes were carried out (steps owed since stay owed). */
    public void placeStepsDone(List<PlaceStep> done) {
        pendingPlaceSteps.removeAll(done);
    }

    /** The proposal place nobody took goes back, owed by the decision that ended the advancement. */
    private void owePlaceBackOfProposal() {
        if (advancement != null && advancement.proposal() != null) {
            pendingPlaceSteps.add(PlaceStep.release(advancement.proposal(), advancementHoldId()));
        }
    }

    /** Places the request in the slot the charge table gave it, or leaves it unscheduled if none. */
    public static Appointment book(RequestCreated request, Optional<SlotKey> booked, AppointmentKind kind) {
        Appointment a = new Appointment();
        a.id = idFor(request.caseId());
        a.caseId = request.caseId();
        a.pdl = request.pdl();
        a.zone = request.zone();
        a.supplierId = request.supplierId();
        a.requestVersion = request.version();
        a.requestedDate = request.requestedDate();
        a.requestedSlot = request.requestedSlot();
        a.expressDeadline = request.expressDeadline();
        a.receivedAt = request.receivedAt();
        a.additionalServices = new ArrayList<>(request.additionalServices() == null ? List.of()
                : request.additionalServices());
        a.externalReference = request.externalReference();
        a.status = booked.isPresent() ? AppointmentStatus.BOOKED : AppointmentStatus.UNSCHEDULED;
        booked.ifPresent(key -> {
            a.date = key.date();
            a.slot = key.slot();
        });
        a.kind = kind;
        return a;
    }

    /** An unscheduled appointment gets the place that capacity added later made available. */
    public boolean place(SlotKey key, AppointmentKind placedKind) {
        if (status != AppointmentStatus.UNSCHEDULED) {
            return false;
        }
        status = AppointmentStatus.BOOKED;
        date = key.date();
        slot = key.slot();
        kind = placedKind;
        return true;
    }

    /** A request that found no place up to {@code searchedUntil}: it waits, and the supplier is told. */
    public Optional<AppointmentUnschedulable> unschedulable(LocalDate searchedUntil) {
        if (status != AppointmentStatus.UNSCHEDULED) {
            return Optional.empty();
        }
        return Optional.of(new AppointmentUnschedulable(caseId, id, pdl, zone, requestedDate, requestedSlot,
                searchedUntil));
    }

    public Optional<AppointmentBooked> booked() {
        if (status != AppointmentStatus.BOOKED) {
            return Optional.empty();
        }
        return Optional.of(new AppointmentBooked(caseId, id, pdl, zone, date, slot, kind, requestedDate,
                requestedSlot, requestVersion == Version.EXPRESS && !date.isAfter(expressDeadline), branch()));
    }

    /**
     * The branch of the decision chart this appointment follows, decided here only: option 1 unless the appointment
     * is conservatory (no place was free up to the express deadline); then 2 while the supplier has not called, and
     * after the call how the advancement ended — 2.1.1 advanced, 2.1.2 client unreachable (or declining), 2.2 not
     * advanced for any other reason. An advancement still open is 2.2 until it ends.
     */
    public ChartBranch branch() {
        if (advanced) {
            return ChartBranch.OPTION_2_1_1_ADVANCED;
        }
        if (advancement == null) {
            return kind == AppointmentKind.CONSERVATORY ? ChartBranch.OPTION_2_NOT_ESCALATED : ChartBranch.OPTION_1;
        }
        if (CLIENT_UNREACHABLE.equals(advancement.closedBy())) {
            return ChartBranch.OPTION_2_1_2_CLIENT_UNREACHABLE;
        }
        if (CLIENT_DECLINED.equals(advancement.closedBy())) {
            return ChartBranch.OPTION_2_1_2_CLIENT_DECLINED;
        }
        return ChartBranch.OPTION_2_2_NOT_ADVANCED;
    }

    /** The supplier's express call opens a 1-business-day window, for a conservatory appointment only. */
    public boolean openAdvancementWindow(Instant escalatedAt, Instant windowEnds) {
        if (status != AppointmentStatus.BOOKED || kind != AppointmentKind.CONSERVATORY || advancement != null) {
            return false;
        }
        advancement = Advancement.open(escalatedAt, windowEnds);
        return true;
    }

    /**
     * An escalation that arrives after the express deadline ({@code today} past it) cannot be met by advancing:
     * the initial date is maintained at once, rather than after a window that could not succeed.
     */
    public Optional<AppointmentMaintained> maintainIfPastExpressDeadline(LocalDate today, Instant now) {
        if (advancement == null || !advancement.isActive() || !today.isAfter(expressDeadline)) {
            return Optional.empty();
        }
        owePlaceBackOfProposal();
        advancement = advancement.closed(Advancement.MAINTAINED, EXPRESS_DEADLINE_PASSED, now);
        return Optional.of(new AppointmentMaintained(caseId, id, date, slot, EXPRESS_DEADLINE_PASSED, branch()));
    }

    /** A slot within the 2 business days was found and held: the desk calls the client. */
    public boolean propose(SlotKey held, Instant now, HalfDays halfDays) {
        if (advancement == null || !Advancement.OPEN.equals(advancement.status()) || halfDays.hasStarted(held, now)) {
            return false;
        }
        advancement = advancement.proposed(held, now);
        return true;
    }

    /** "Enedis modifie dans son SI la date du rendez-vous, en accord avec le client." */
    public AppointmentAdvanced clientAgreed(Instant now, HalfDays halfDays) {
        requireProposal();
        SlotKey to = advancement.proposal();
        if (!now.isBefore(advancement.windowEnds())) {
            throw new IllegalStateException("the call-back window of appointment " + id + " ended at "
                    + advancement.windowEnds() + ": the initial date is kept");
        }
        if (halfDays.hasStarted(to, now)) {
            throw new IllegalStateException("the proposed half day " + to.date() + " " + to.slot()
                    + " has already begun: it can no longer be offered");
        }
        AppointmentAdvanced event = new AppointmentAdvanced(caseId, id, date, slot, to.date(), to.slot());
        pendingPlaceSteps.add(PlaceStep.transfer(to, advancementHoldId(), id));
        pendingPlaceSteps.add(PlaceStep.release(new SlotKey(zone, date, slot), id));
        date = to.date();
        slot = to.slot();
        kind = AppointmentKind.ADVANCED;
        advanced = true;
        advancement = advancement.closed(Advancement.ADVANCED, CLIENT_AGREED, now);
        return event;
    }

    /**
     * "Le rendez-vous n'est pas avancé pour réduire le risque de l'absence du client" (seed §2.1.2): the client
     * could not be reached (or declined the new date), the initial date is kept.
     */
    public AppointmentMaintained keepInitialDate(String reason, Instant now) {
        requireProposal();
        owePlaceBackOfProposal();
        advancement = advancement.closed(Advancement.MAINTAINED, reason, now);
        return new AppointmentMaintained(caseId, id, date, slot, reason, branch());
    }

    /** At the end of the 1-business-day window without an advancement, the initial date is kept (§2.2). */
    public Optional<AppointmentMaintained> closeWindowIfDue(Instant now) {
        if (status != AppointmentStatus.BOOKED || advancement == null || !advancement.isActive()
                || now.isBefore(advancement.windowEnds())) {
            return Optional.empty();
        }
        String reason = Advancement.PROPOSED.equals(advancement.status()) ? PROPOSAL_NOT_CALLED : NO_SLOT_FOUND;
        owePlaceBackOfProposal();
        advancement = advancement.closed(Advancement.MAINTAINED, reason, now);
        return Optional.of(new AppointmentMaintained(caseId, id, date, slot, reason, branch()));
    }

    /** Whether the technician's outcome may be recorded now: once, on or after the appointment date. */
    public Optional<String> outcomeRefusal(LocalDate today) {
        if (status != AppointmentStatus.BOOKED) {
            return Optional.of("appointment " + id + " is " + status + ": its outcome is already recorded or it has no date");
        }
        if (!isDueOn(today)) {
            return Optional.of("appointment " + id + " is on " + date + ": its outcome cannot be recorded before that "
                    + "date (today is " + today + ")");
        }
        return Optional.empty();
    }

    /**
     * The outcome is being recorded while an express advancement is still open or waiting for the client: the
     * intervention happened on the date held, so the advancement ends first, maintained, and its
     * "rendez-vous maintenu" is published before the outcome (never after it).
     */
    public Optional<AppointmentMaintained> closeAdvancementForOutcome(Instant now) {
        if (advancement == null || !advancement.isActive()) {
            return Optional.empty();
        }
        owePlaceBackOfProposal();
        advancement = advancement.closed(Advancement.MAINTAINED, INTERVENTION_ALREADY_DONE, now);
        return Optional.of(new AppointmentMaintained(caseId, id, date, slot, INTERVENTION_ALREADY_DONE, branch()));
    }

    public InterventionCompleted complete(long index, Instant now) {
        requireBooked();
        status = AppointmentStatus.COMPLETED;
        meterIndex = index;
        outcomeRecordedAt = now;
        return new InterventionCompleted(caseId, id, pdl, supplierId, requestVersion, date, index, advanced,
                List.copyOf(additionalServices), externalReference, branch());
    }

    public ClientAbsent clientAbsent(Instant now) {
        requireBooked();
        status = AppointmentStatus.CLIENT_ABSENT;
        outcomeRecordedAt = now;
        return new ClientAbsent(caseId, id, pdl, supplierId, requestVersion, date, advanced, externalReference,
                branch());
    }

    public boolean isDueOn(LocalDate today) {
        return date != null && !today.isBefore(date);
    }

    private void requireBooked() {
        if (status != AppointmentStatus.BOOKED) {
            throw new IllegalStateException("appointment " + id + " is " + status);
        }
    }

    private void requireProposal() {
        if (advancement == null || !Advancement.PROPOSED.equals(advancement.status())) {
            throw new IllegalStateException("appointment " + id + " has no advancement proposal to call about");
        }
    }

    public SlotKey slotKey() {
        return date == null ? null : new SlotKey(zone, date, slot);
    }

    @Override
    public String getId() {
        return id;
    }

    public String getCaseId() {
        return caseId;
    }

    public String getPdl() {
        return pdl;
    }

    public String getZone() {
        return zone;
    }

    public String getSupplierId() {
        return supplierId;
    }

    public Version getRequestVersion() {
        return requestVersion;
    }

    public LocalDate getRequestedDate() {
        return requestedDate;
    }

    public Slot getRequestedSlot() {
        return requestedSlot;
    }

    public java.time.Instant getReceivedAt() {
        return receivedAt;
    }

    public LocalDate getExpressDeadline() {
        return expressDeadline;
    }

    public LocalDate getDate() {
        return date;
    }

    public Slot getSlot() {
        return slot;
    }

    public AppointmentKind getKind() {
        return kind;
    }

    public AppointmentStatus getStatus() {
        return status;
    }

    public boolean isAdvanced() {
        return advanced;
    }

    public Advancement getAdvancement() {
        return advancement;
    }

    public Long getMeterIndex() {
        return meterIndex;
    }

    public Instant getOutcomeRecordedAt() {
        return outcomeRecordedAt;
    }
}
