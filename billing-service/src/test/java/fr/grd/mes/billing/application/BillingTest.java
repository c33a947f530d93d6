package fr.grd.mes.billing.application;

import fr.grd.mes.billing.domain.CatalogueVersion;
import fr.grd.mes.billing.domain.InterventionBill;
import fr.grd.mes.events.BillingRecord;
import fr.grd.mes.events.ClientAbsent;
import fr.grd.mes.events.EventEnvelope;
import fr.grd.mes.events.InterventionCompleted;
import fr.grd.mes.events.Version;
import fr.grd.mes.support.port.AlreadyStored;
import fr.grd.mes.support.port.InMemoryRepository;
import fr.grd.mes.support.port.RecordingPublisher;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Billing's use cases on in-memory ports, at the demo catalogue's prices. */
class BillingTest {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 3);

    private final BillStore bills = new BillStore();
    private final RecordingPublisher events = new RecordingPublisher();
    private final VersionStore versions = new VersionStore();
    private final List<String> told = new ArrayList<>();
    private final Catalogue catalogue = new Catalogue(versions, version -> told.add(version.id()));
    private final Billing billing = new Billing(bills, events, catalogue,
            Clock.fixed(Instant.parse("2026-12-03T15:00:00Z"), ZoneOffset.UTC));

    BillingTest() {
        catalogue.seedIfEmpty();
    }

    private static InterventionCompleted completed(String caseId, boolean advanced, List<String> extra) {
        return new InterventionCompleted(caseId, "R-" + caseId, "09111111111111", "FOURN-ALPHA", Version.EXPRESS, DAY,
                42_137, advanced, extra, "REF", advanced ? fr.grd.mes.events.ChartBranch.OPTION_2_1_1_ADVANCED : fr.grd.mes.events.ChartBranch.OPTION_1);
    }

    private static EventEnvelope<Object> envelope(Object payload) {
        return EventEnvelope.of(payload instanceof ClientAbsent ? "ClientAbsent" : "InterventionCompleted", "k", "k",
                "FOURN-ALPHA", Instant.parse("2026-12-03T14:00:00Z"), payload);
    }

    private List<String> codesBilled() {
        return events.eventsOf(BillingRecord.class).stream().map(BillingRecord::prestationCode).toList();
    }

    @Test
    void anAdvancedExpressInterventionIsTheForfaitAndTheExpressSupplement() {
        InterventionCompleted done = completed("C1", true, List.of());
        billing.onInterventionCompleted(envelope(done), done);
        assertThat(codesBilled()).containsExactly("F120B", "F120X");
        assertThat(events.eventsOf(BillingRecord.class)).extracting(r -> r.amountExclTax().toPlainString())
                .containsExactly("20.00", "25.00");
        assertThat(bills.all()).hasSize(1);
    }

    @Test
    void aCompletedInterventionNotAdvancedIsTheForfaitAlone() {
        InterventionCompleted done = completed("C2", false, List.of());
        billing.onInterventionCompleted(envelope(done), done);
        assertThat(codesBilled()).containsExactly("F120B");
    }

    @Test
    void aClientAbsentIsTheWastedTripAloneEvenAdvanced() {
        ClientAbsent absent = new ClientAbsent("C3", "R-C3", "09111111111111", "FOURN-ALPHA", Version.EXPRESS, DAY,
                true, "REF", fr.grd.mes.events.ChartBranch.OPTION_2_1_1_ADVANCED);
        billing.onClientAbsent(envelope(absent), absent);
        assertThat(codesBilled()).containsExactly("DEPL-VAIN");
    }

    @Test
    void theSameInterventionIsBilledOnce() {
        InterventionCompleted done = completed("C4", false, List.of());
        billing.onInterventionCompleted(envelope(done), done);
        billing.onInterventionCompleted(envelope(done), done);
        assertThat(codesBilled()).containsExactly("F120B");
        assertThat(bills.writes()).isEqualTo(1);
    }

    @Test
    void aCatalogueVersionOfAnExistingDateIsRefused() {
        assertThatThrownBy(() -> catalogue.add(Catalogue.initialVersion()))
                .isInstanceOf(fr.grd.mes.support.outcome.Conflict.class);
    }

    @Test
    void everyCatalogueVersionIsToldToTheOtherServicesOnStartAndWhenAdded() {
        assertThat(told).containsExactly(Catalogue.initialVersion().id());
        CatalogueVersion next = new CatalogueVersion("2027-08-01", LocalDate.of(2027, 8, 1),
                Catalogue.initialVersion().prestations(), Catalogue.initialVersion().chartCodes());
        catalogue.add(next);
        assertThat(told).containsExactly(Catalogue.initialVersion().id(), "2027-08-01");
    }

    @Test
    void aCodeTheCatalogueDoesNotPriceIsHeldForAnOperatorNeverDropped() {
        InterventionCompleted done = completed("C5", false, List.of("RELEVE-SPE", "XTRA-1"));
        billing.onInterventionCompleted(envelope(done), done);
        assertThat(codesBilled()).containsExactly("F120B", "RELEVE-SPE");
        assertThat(billing.holdingLines()).singleElement().satisfies(bill ->
                assertThat(bill.getUnpricedCodes()).containsExactly("XTRA-1"));
        assertThat(billing.heldLineCount()).isEqualTo(1);
    }

    @Test
    void withNoCatalogueVersionInForceOnTheInterventionDateEverythingIsHeld() {
        InterventionCompleted done = new InterventionCompleted("C6", "R-C6", "09111111111111", "FOURN-ALPHA",
                Version.STANDARD, LocalDate.of(2025, 6, 2), 1, false, List.of(), "REF",
                fr.grd.mes.events.ChartBranch.OPTION_1);
        billing.onInterventionCompleted(envelope(done), done);
        assertThat(codesBilled()).isEmpty();
        assertThat(billing.holdingLines()).singleElement().satisfies(bill ->
                assertThat(bill.getUnpricedCodes()).containsExactly("role:ACCESS_FORFAIT"));
    }

    @Test
    void theOperatorPricesHeldCodesInASupplementaryBillOnceTheCatalogueInForcePricesThem() {
        InterventionCompleted done = completed("C7", false, List.of("XTRA-1"));
        billing.onInterventionCompleted(envelope(done), done);
        assertThatThrownBy(() -> billing.priceHeld("R-C7")).isInstanceOf(fr.grd.mes.support.outcome.Conflict.class)
                .hasMessageContaining("prices none");

        List<fr.grd.mes.billing.domain.Prestation> prices = new ArrayList<>(Catalogue.initialVersion().prestations());
        prices.add(new fr.grd.mes.billing.domain.Prestation("XTRA-1", "Prestation ajoutée",
                new java.math.BigDecimal("12.00"), new java.math.BigDecimal("20")));
        catalogue.add(new CatalogueVersion("2026-12-02", LocalDate.of(2026, 12, 2), prices,
                Catalogue.initialVersion().chartCodes()));
        events.clear();
        InterventionBill held = billing.priceHeld("R-C7");
        assertThat(held.getUnpricedCodes()).isEmpty();
        assertThat(held.getSupplements()).containsExactly("R-C7-S1");
        assertThat(events.eventsOf(BillingRecord.class)).singleElement().satisfies(record -> {
            assertThat(record.prestationCode()).isEqualTo("XTRA-1");
            assertThat(record.amountExclTax().toPlainString()).isEqualTo("12.00");
        });
        assertThat(bills.find("R-C7-S1")).get().satisfies(s -> assertThat(s.getCaseId()).isEqualTo("C7"));
        assertThat(billing.heldLineCount()).isZero();
        assertThatThrownBy(() -> billing.priceHeld("R-C7")).hasMessageContaining("holds no line");
    }

    private static final class BillStore extends InMemoryRepository<InterventionBill> implements BillRepository {
        @Override
        public List<InterventionBill> holdingLines() {
            return stored.values().stream().filter(InterventionBill::isHoldingLines).toList();
        }

        @Override
        public long heldLineCount() {
            return holdingLines().stream().mapToLong(b -> b.getUnpricedCodes().size()).sum();
        }

        @Override
        public List<InterventionBill> billsOf(String supplierId, String caseId) {
            return stored.values().stream().filter(b -> b.getSupplierId().equals(supplierId)).toList();
        }
    }

    private static final class VersionStore implements CatalogueVersions {
        private final List<CatalogueVersion> versions = new ArrayList<>();

        @Override
        public boolean isEmpty() {
            return versions.isEmpty();
        }

        @Override
        public void add(CatalogueVersion version) {
            if (versions.stream().anyMatch(v -> v.id().equals(version.id()))) {
                throw new AlreadyStored(version.id(), null);
            }
            versions.add(version);
        }

        @Override
        public List<CatalogueVersion> all() {
            return List.copyOf(versions);
        }
    }
}
