package fr.grd.mes.request.application;

import fr.grd.mes.events.AppointmentBooked;
import fr.grd.mes.events.AppointmentKind;
import fr.grd.mes.events.EventEnvelope;
import fr.grd.mes.events.ExpressEscalated;
import fr.grd.mes.events.RequestCreated;
import fr.grd.mes.events.Slot;
import fr.grd.mes.events.SupplyState;
import fr.grd.mes.events.TrackingRecord;
import fr.grd.mes.request.domain.Case;
import fr.grd.mes.request.domain.CaseBuilder;
import fr.grd.mes.request.domain.MilestoneCode;
import fr.grd.mes.support.outcome.Conflict;
import fr.grd.mes.support.outcome.Invalid;
import fr.grd.mes.support.port.InMemoryRepository;
import fr.grd.mes.support.port.KnownDeliveryPoint;
import fr.grd.mes.support.port.RecordingPublisher;
import fr.grd.mes.support.time.BusinessCalendar;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static fr.grd.mes.request.domain.CaseBuilder.aCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The case's use cases on in-memory ports: what each stores and publishes, and what it refuses. */
class CaseServiceTest {
    private static final String PDL = "09111111111111";

    private static final String TAKEN_HOLD = "H-00000000-0000-0000-0000-000000000002";
    private final List<String> claims = new ArrayList<>();
    private final List<fr.grd.mes.request.domain.CatalogueCodes> catalogue = new ArrayList<>();
    private final Clock clock = Clock.fixed(CaseBuilder.RECEIVED, ZoneOffset.UTC);
    private final Map<String, KnownDeliveryPoint> referential = new HashMap<>();
    private final List<String> numbersTaken = new ArrayList<>();
    private final InMemoryRepository<Case> cases = new CaseStore();
    private final RecordingPublisher events = new RecordingPublisher();
    private final CaseService service = new CaseService((CaseRepository) cases, events,
            new RequestAdmission(pdl -> Optional.ofNullable(referential.get(pdl)), () -> catalogue,
                    new BusinessCalendar(), clock),
            new CaseNumbers((number, at) -> !numbersTaken.contains(number) && numbersTaken.add(number), clock),
            (holdId, caseId, zone, date, slot) -> {
                if (holdId.equals(TAKEN_HOLD)) {
                    throw new fr.grd.mes.support.outcome.Conflict("hold " + holdId + " is already used by another request");
                }
                claims.add(holdId + " " + caseId + " " + zone + " " + date + " " + slot);
            },
            new BusinessCalendar(), clock);

    CaseServiceTest() {
        referential.put(PDL, new KnownDeliveryPoint(PDL, "Z", SupplyState.COUP, "75056", "LINKY", null, 1));
    }

    @Test
    void anAdmissibleRequestIsStoredWithRequestCreatedThenItsTrackingRecord() {
        Case created = service.submit(aCase().onPdl(PDL).request(), List.of());
        assertThat(cases.all()).containsExactly(created);
        assertThat(events.types()).containsExactly(RequestCreated.class, TrackingRecord.class);
        assertThat(events.eventsOf(RequestCreated.class).get(0).caseId()).isEqualTo(created.getId());
        assertThat(created.getMilestones()).extracting(m -> m.code())
                .containsExactly(MilestoneCode.DMTR, MilestoneCode.DMREC);
        assertThat(numbersTaken).containsExactly(created.getId());
    }

    @Test
    void anUnknownDeliveryPointIsRefusedNamingTheFieldAndNothingIsStoredOrNumbered() {
        assertThatThrownBy(() -> service.submit(aCase().onPdl("09999999999999").request(), List.of()))
                .isInstanceOfSatisfying(Invalid.class, invalid -> assertThat(invalid.violations())
                        .anySatisfy(v -> assertThat(v.field()).isEqualTo("pdl")));
        assertThat(cases.writes()).isZero();
        assertThat(events.events()).isEmpty();
        assertThat(numbersTaken).isEmpty();
    }

    @Test
    void theMiseEnServiceAskedAgainAsAnAdditionalServiceIsRefusedNamingTheEntry() {
        assertThatThrownBy(() -> service.submit(aCase().onPdl(PDL).withAdditionalService("F120B").request(), List.of()))
                .isInstanceOfSatisfying(Invalid.class, invalid -> assertThat(invalid.violations())
                        .anySatisfy(v -> assertThat(v.field()).isEqualTo("additionalServices[0]")));
        assertThat(cases.writes()).isZero();
    }

    @Test
    void aSuppliedSupplyIsNotAMiseEnServiceWithATrip() {
        referential.put(PDL, new KnownDeliveryPoint(PDL, "Z", SupplyState.ALIM, "75056", "LINKY", null, 2));
        assertThatThrownBy(() -> service.submit(aCase().onPdl(PDL).request(), List.of()))
                .isInstanceOfSatisfying(Invalid.class, invalid -> assertThat(invalid.violations().get(0).reason())
                        .contains("ALIM"));
    }

    @Test
    void thePortalSendingTheSameRequestTwiceGetsTheSameCase() {
        Case first = service.submit(aCase().onPdl(PDL).fromPortal("P-1").request(), List.of());
        events.clear();
        Case again = service.submit(aCase().onPdl(PDL).fromPortal("P-1").request(), List.of());
        assertThat(again).isSameAs(first);
        assertThat(events.events()).isEmpty();
        assertThat(cases.writes()).isEqualTo(1);
    }

    @Test
    void onlyAConservatoryExpressCaseCanBeEscalatedAndOnlyOnce() {
        Case requested = cases.insert(aCase().id("C1").express().bookedAsRequested().build());
        assertThatThrownBy(() -> service.escalate(requested.getId(), "caller")).isInstanceOf(Conflict.class);

        Case conservatory = cases.insert(aCase().id("C2").express().conservatory().build());
        service.escalate(conservatory.getId(), "caller");
        assertThat(events.types()).containsExactly(ExpressEscalated.class, TrackingRecord.class);
        assertThatThrownBy(() -> service.escalate(conservatory.getId(), "caller")).isInstanceOf(Conflict.class);
    }

    @Test
    void aRedeliveredSchedulingEventIsAppliedOnce() {
        Case c = cases.insert(aCase().id("C3").build());
        AppointmentBooked booked = new AppointmentBooked("C3", "R-C3", PDL, "Z", LocalDate.of(2026, 12, 3), Slot.AM,
                AppointmentKind.REQUESTED, LocalDate.of(2026, 12, 3), Slot.AM, true, fr.grd.mes.events.ChartBranch.OPTION_1);
        EventEnvelope<AppointmentBooked> envelope = new EventEnvelope<>(UUID.randomUUID(), "AppointmentBooked", 1,
                CaseBuilder.RECEIVED, "C3", "C3", "FOURN-ALPHA", booked);
        service.onAppointmentBooked(envelope, booked);
        service.onAppointmentBooked(envelope, booked);
        assertThat(events.types()).containsExactly(TrackingRecord.class);
        assertThat(c.getMilestones()).extracting(m -> m.code()).containsExactly(MilestoneCode.DMTR,
                MilestoneCode.DMREC, MilestoneCode.INPL);
        assertThat(cases.writes()).isEqualTo(2);
    }

    @Test
    void aSecondRequestOnAPdlWhoseCaseIsOpenIsAConflictNamingTheOpenCase() {
        Case first = service.submit(aCase().onPdl(PDL).request(), List.of());
        events.clear();
        assertThatThrownBy(() -> service.submit(aCase().onPdl(PDL).request(), List.of()))
                .isInstanceOf(Conflict.class).hasMessageContaining(first.getId());
        assertThat(events.events()).isEmpty();
        assertThat(cases.writes()).isEqualTo(1);
    }

    @Test
    void anotherSuppliersRequestOnAnOpenPdlIsAConflictThatDoesNotNameTheOtherCase() {
        Case first = service.submit(aCase().onPdl(PDL).request(), List.of());
        assertThatThrownBy(() -> service.submit(aCase().onPdl(PDL).of("FOURN-BETA").request(), List.of()))
                .isInstanceOf(Conflict.class).hasMessageContaining("open").hasMessageNotContaining(first.getId())
                .hasMessageNotContaining("FOURN-ALPHA");
    }

    @Test
    void onceTheCaseIsClosedTheClientAbsentTheSupplierCanRenewItsRequest() {
        Case first = service.submit(aCase().onPdl(PDL).request(), List.of());
        fr.grd.mes.events.ClientAbsent absent = new fr.grd.mes.events.ClientAbsent(first.getId(), "R", PDL,
                "FOURN-ALPHA", fr.grd.mes.events.Version.STANDARD, LocalDate.of(2026, 12, 3), false, "REF", fr.grd.mes.events.ChartBranch.OPTION_1);
        service.onClientAbsent(EventEnvelope.of("ClientAbsent", first.getId(), first.getId(), "FOURN-ALPHA",
                CaseBuilder.RECEIVED, absent), absent);
        assertThat(first.getOpenPdl()).isNull();
        Case renewal = service.submit(aCase().onPdl(PDL).request(), List.of());
        assertThat(renewal.getId()).isNotEqualTo(first.getId());
    }

    private Case closedClientAbsent() {
        Case first = service.submit(aCase().onPdl(PDL).request(), List.of());
        fr.grd.mes.events.ClientAbsent absent = new fr.grd.mes.events.ClientAbsent(first.getId(), "R", PDL,
                "FOURN-ALPHA", fr.grd.mes.events.Version.STANDARD, LocalDate.of(2026, 12, 3), false, "REF",
                fr.grd.mes.events.ChartBranch.OPTION_1);
        service.onClientAbsent(EventEnvelope.of("ClientAbsent", first.getId(), first.getId(), "FOURN-ALPHA",
                CaseBuilder.RECEIVED, absent), absent);
        return first;
    }

    @Test
    void aRenewalNamesTheAbsentClientsCaseBothShowTheLinkAndItsFirstMilestoneStatesThePresenceObligation() {
        Case absent = closedClientAbsent();
        Case renewal = service.submit(aCase().onPdl(PDL).renewing(absent.getId()).request(), List.of());
        assertThat(renewal.getRenewalOf()).isEqualTo(absent.getId());
        assertThat(service.get(absent.getId()).getRenewedBy()).isEqualTo(renewal.getId());
        assertThat(renewal.getMilestones().get(0).code()).isEqualTo(fr.grd.mes.request.domain.MilestoneCode.DMTR);
        assertThat(renewal.getMilestones().get(0).detail()).contains(absent.getId())
                .contains(Case.PRESENCE_REMINDER);
        assertThatThrownBy(() -> service.submit(aCase().onPdl(PDL).renewing(absent.getId()).request(), List.of()))
                .as("renewed once").isInstanceOf(Conflict.class);
    }

    @Test
    void onlyACaseOfTheSameSupplierClosedWithTheClientAbsentOnTheSamePdlCanBeRenewed() {
        Case absent = closedClientAbsent();
        String otherPdl = "09222222222222";
        referential.put(otherPdl, new KnownDeliveryPoint(otherPdl, "Z", SupplyState.COUP, "75056", "LINKY", null, 1));
        assertThatThrownBy(() -> service.submit(aCase().onPdl(otherPdl).renewing(absent.getId()).request(), List.of()))
                .isInstanceOfSatisfying(Invalid.class, refused -> assertThat(refused.violations())
                        .singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("renewalOf")));
        assertThatThrownBy(() -> service.submit(aCase().onPdl(PDL).of("FOURN-BETA").renewing(absent.getId()).request(),
                List.of())).isInstanceOf(Invalid.class).hasMessageContaining("unknown case");
        Case open = service.submit(aCase().onPdl(otherPdl).request(), List.of());
        String thirdPdl = "09333333333333";
        referential.put(thirdPdl, new KnownDeliveryPoint(thirdPdl, "Z", SupplyState.COUP, "75056", "LINKY", null, 1));
        assertThatThrownBy(() -> service.submit(aCase().onPdl(thirdPdl).renewing(open.getId()).request(), List.of()))
                .isInstanceOf(Invalid.class).hasMessageContaining("CPNR");
    }

    @Test
    void anAdditionalServiceTheCatalogueInForceDoesNotPriceOrThatIsAChartCodeIsRefusedNamingIt() {
        catalogue.add(new fr.grd.mes.request.domain.CatalogueCodes("2026-01-01", LocalDate.of(2026, 1, 1),
                java.util.Set.of("F120B", "F120X", "DEPL-VAIN", "RELEVE-SPE"), java.util.Set.of("F120B", "F120X", "DEPL-VAIN")));
        assertThatThrownBy(() -> service.submit(aCase().onPdl(PDL).withAdditionalService("RELEVE-SPE")
                .withAdditionalService("VERIF-CPT").withAdditionalService("F120X").request(), List.of()))
                .isInstanceOfSatisfying(Invalid.class, refused -> assertThat(refused.violations())
                        .extracting(v -> v.field() + " " + v.reason().split(" ")[0])
                        .containsExactly("additionalServices[1] VERIF-CPT", "additionalServices[2] F120X"));
        assertThat(cases.all()).isEmpty();
        Case priced = service.submit(aCase().onPdl(PDL).withAdditionalService("RELEVE-SPE").request(), List.of());
        assertThat(priced.getAdditionalServices()).containsExactly("RELEVE-SPE");
    }

    /** The in-memory case store with the queries of {@link CaseRepository}, answered by scanning. */
    private static final class CaseStore extends InMemoryRepository<Case> implements CaseRepository {
        @Override
        public Optional<Case> byPortalRequestId(String portalRequestId) {
            return stored.values().stream().filter(c -> portalRequestId.equals(c.getPortalRequestId())).findFirst();
        }

        @Override
        public Optional<Case> openCaseOn(String pdl) {
            return stored.values().stream().filter(c -> pdl.equals(c.getOpenPdl())).findFirst();
        }

        @Override
        public List<String> idsWithSummarySheetDue() {
            return stored.values().stream().filter(c -> c.isSummarySheetDue() && c.getSummarySheetIssuedAt() == null)
                    .map(Case::getId).toList();
        }

        @Override
        public List<Case> search(String pdl, String externalReference, String supplierId, int limit) {
            return stored.values().stream().filter(c -> pdl == null || pdl.equals(c.getPdl())).limit(limit).toList();
        }

        @Override
        public long countWithMilestone(MilestoneCode code, java.time.Instant from, java.time.Instant to,
                                       fr.grd.mes.events.Version version) {
            return 0;
        }
    }

    @Test
    void aRequestNamingAHoldClaimsItForItsCaseBeforeTheCaseIsStored() {
        String hold = "H-00000000-0000-0000-0000-000000000001";
        Case created = service.submit(aCase().onPdl(PDL).withHold(hold).request(), List.of());
        assertThat(claims).containsExactly(hold + " " + created.getId() + " Z " + created.getRequestedDate() + " "
                + created.getRequestedSlot());
        assertThat(events.eventsOf(RequestCreated.class).get(0).holdId()).isEqualTo(hold);
    }

    @Test
    void aRequestWhoseHoldCannotBeClaimedIsRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> service.submit(aCase().onPdl(PDL).withHold(TAKEN_HOLD).request(), List.of()))
                .isInstanceOf(fr.grd.mes.support.outcome.Conflict.class).hasMessageContaining("already used");
        assertThat(cases.all()).isEmpty();
        assertThat(events.events()).isEmpty();
    }
}
