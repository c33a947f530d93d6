package fr.grd.mes.request.domain;

import fr.grd.mes.events.AppointmentBooked;
import fr.grd.mes.events.AppointmentKind;
import fr.grd.mes.events.Slot;
import fr.grd.mes.events.SupplyState;
import fr.grd.mes.events.Version;
import fr.grd.mes.support.time.BusinessCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Cases for tests, said the way the seed says them: {@code aCase().express().conservatory().build()} is an
 * express request received on Tuesday 1 December 2026 at 10:00 (Paris) whose appointment was booked as a
 * conservatory one, after its express deadline (Thursday 3 December).
 */
public final class CaseBuilder {
    public static final Instant RECEIVED = Instant.parse("2026-12-01T09:00:00Z");
    private static final BusinessCalendar CALENDAR = new BusinessCalendar();

    private String caseId = "A000000001";
    private String pdl = "09111111111111";
    private String supplierId = "FOURN-ALPHA";
    private Version version = Version.STANDARD;
    private LocalDate requestedDate = LocalDate.of(2026, 12, 3);
    private Slot requestedSlot = Slot.AM;
    private final List<String> additionalServices = new ArrayList<>();
    private String portalRequestId;
    private String holdId;
    private String renewalOf;
    private AppointmentKind booked;
    private LocalDate bookedOn;

    private CaseBuilder() {
    }

    public static CaseBuilder aCase() {
        return new CaseBuilder();
    }

    public CaseBuilder id(String id) {
        this.caseId = id;
        return this;
    }

    public CaseBuilder onPdl(String pdl) {
        this.pdl = pdl;
        return this;
    }

    public CaseBuilder of(String supplierId) {
        this.supplierId = supplierId;
        return this;
    }

    public CaseBuilder express() {
        this.version = Version.EXPRESS;
        return this;
    }

    public CaseBuilder standard() {
        this.version = Version.STANDARD;
        return this;
    }

    public CaseBuilder requestedOn(LocalDate date, Slot slot) {
        this.requestedDate = date;
        this.requestedSlot = slot;
        return this;
    }

    public CaseBuilder withAdditionalService(String code) {
        additionalServices.add(code);
        return this;
    }

    /** The request renews a case closed with the client absent. */
    public CaseBuilder renewing(String caseId) {
        this.renewalOf = caseId;
        return this;
    }

    /** The request names a place held in the charge table (coupled booking). */
    public CaseBuilder withHold(String holdId) {
        this.holdId = holdId;
        return this;
    }

    public CaseBuilder fromPortal(String portalRequestId) {
        this.portalRequestId = portalRequestId;
        return this;
    }

    /** Booked at the requested date (option 1). */
    public CaseBuilder bookedAsRequested() {
        this.booked = AppointmentKind.REQUESTED;
        this.bookedOn = requestedDate;
        return this;
    }

    /** Booked as a conservatory appointment on Tuesday 8 December, no place being free before. */
    public CaseBuilder conservatory() {
        this.booked = AppointmentKind.CONSERVATORY;
        this.bookedOn = LocalDate.of(2026, 12, 8);
        return this;
    }

    public NewRequest request() {
        return new NewRequest(pdl, supplierId, version, new Client("Client", "0600000000"), requestedDate,
                requestedSlot, List.copyOf(additionalServices), "REF-" + caseId, portalRequestId, holdId, renewalOf);
    }

    public Case build() {
        Case c = Case.receive(caseId, request(), "Z", SupplyState.COUP, Deadlines.of(RECEIVED, CALENDAR), RECEIVED);
        if (booked != null) {
            c.appointmentBooked(new AppointmentBooked(caseId, "R-" + caseId, pdl, "Z", bookedOn, requestedSlot, booked,
                    requestedDate, requestedSlot, booked != AppointmentKind.CONSERVATORY, booked == AppointmentKind.CONSERVATORY ? fr.grd.mes.events.ChartBranch.OPTION_2_NOT_ESCALATED : fr.grd.mes.events.ChartBranch.OPTION_1), RECEIVED.plusSeconds(1));
        }
        return c;
    }
}
