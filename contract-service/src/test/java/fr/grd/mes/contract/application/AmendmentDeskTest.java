package fr.grd.mes.contract.application;

import fr.grd.mes.contract.domain.amendment.Amendment;
import fr.grd.mes.contract.domain.amendment.AmendmentFixture;
import fr.grd.mes.events.AmendmentAccepted;
import fr.grd.mes.events.AmendmentIssued;
import fr.grd.mes.support.outcome.Conflict;
import fr.grd.mes.support.outcome.Invalid;
import fr.grd.mes.support.port.InMemoryRepository;
import fr.grd.mes.support.port.RecordingPublisher;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The amendment desk's use cases on in-memory ports. */
class AmendmentDeskTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private final AmendmentStore amendments = new AmendmentStore();
    private final Map<YearMonth, BigDecimal> index = new TreeMap<>();
    private final RecordingPublisher events = new RecordingPublisher();
    private final Map<String, byte[]> pictures = new java.util.HashMap<>();
    private final ConnectionDiagrams diagrams = new ConnectionDiagrams() {
        @Override
        public void store(String sha256, String contentType, byte[] bytes) {
            pictures.put(sha256, bytes.clone());
        }

        @Override
        public Optional<byte[]> find(String sha256) {
            return Optional.ofNullable(pictures.get(sha256));
        }
    };
    private final AmendmentDesk desk = new AmendmentDesk(amendments, diagrams, new BaremeIndexes() {
        @Override
        public void put(YearMonth month, BigDecimal value) {
            index.put(month, value);
        }

        @Override
        public Optional<BigDecimal> of(YearMonth month) {
            return Optional.ofNullable(index.get(month));
        }

        @Override
        public Map<String, BigDecimal> all() {
            return Map.of();
        }
    }, events, Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC));

    @Test
    void aDraftWithProblemsIsRefusedNamingEachFieldAndNothingIsStored() {
        assertThatThrownBy(() -> desk.draft(AmendmentFixture.termsOf("AV-1", TODAY, false, t -> {
            t.put("validUntil", TODAY.toString());
            t.put("connectionVoltageKv", 63);
        }))).isInstanceOfSatisfying(Invalid.class, invalid -> assertThat(invalid.violations())
                .extracting(v -> v.field()).contains("validUntil", "connectionVoltageKv"));
        assertThat(amendments.writes()).isZero();
    }

    @Test
    void annexe2TheDiagramIsStoredByItsDigestAndNamedByTheAmendmentWhichIsNotIssuedWithoutIt() {
        desk.draft(AmendmentFixture.termsOf("AV-1", TODAY, false));
        assertThatThrownBy(() -> desk.issue("AV-1")).isInstanceOf(Conflict.class).hasMessageContaining("Annexe 2");
        byte[] png = AmendmentFixture.diagramPng();
        Amendment attached = desk.attachConnectionDiagram("AV-1", png, "image/png");
        assertThat(desk.connectionDiagram(attached)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(png));
        assertThat(pictures).containsOnlyKeys(attached.getConnectionDiagram().sha256());
        desk.issue("AV-1");
        assertThat(desk.get("AV-1").getStatus()).isEqualTo(Amendment.Status.ISSUED);
    }

    @Test
    void aDiagramThatIsNotAPictureOrComesAfterIssueChangesNothing() {
        desk.draft(AmendmentFixture.termsOf("AV-1", TODAY, false));
        int writes = amendments.writes();
        assertThatThrownBy(() -> desk.attachConnectionDiagram("AV-1", "not a png".getBytes(), "image/png"))
                .isInstanceOfSatisfying(Invalid.class, invalid -> assertThat(invalid.violations().get(0).field())
                        .isEqualTo("connectionDiagram"));
        assertThat(pictures).isEmpty();
        assertThat(amendments.writes()).isEqualTo(writes);
        desk.attachConnectionDiagram("AV-1", AmendmentFixture.diagramPng(), "image/png");
        desk.issue("AV-1");
        assertThatThrownBy(() -> desk.attachConnectionDiagram("AV-1", AmendmentFixture.diagramPng(640, 320),
                "image/png")).isInstanceOf(Conflict.class).hasMessageContaining("ISSUED");
        assertThat(pictures).hasSize(1);
    }

    @Test
    void anAmendmentNumberIsDraftedOnce() {
        desk.draft(AmendmentFixture.termsOf("AV-1", TODAY, false));
        assertThatThrownBy(() -> desk.draft(AmendmentFixture.termsOf("AV-1", TODAY, false)))
                .isInstanceOf(Conflict.class).hasMessageContaining("AV-1");
    }

    @Test
    void issuingAndTheLastPiecePublishTheirEvents() {
        desk.draft(AmendmentFixture.termsOf("AV-1", TODAY, false));
        desk.attachConnectionDiagram("AV-1", AmendmentFixture.diagramPng(), "image/png");
        desk.issue("AV-1");
        Amendment issued = desk.get("AV-1");
        for (Amendment.Piece piece : issued.requiredPieces()) {
            desk.receive("AV-1", piece, TODAY.plusDays(5));
        }
        assertThat(events.types()).containsExactly(AmendmentIssued.class, AmendmentAccepted.class);
        assertThat(desk.get("AV-1").getStatus()).isEqualTo(Amendment.Status.ACCEPTED);
    }

    @Test
    void aPieceTheAmendmentDoesNotAskForIsAnInvalidPiece() {
        desk.draft(AmendmentFixture.termsOf("AV-1", TODAY, false));
        desk.attachConnectionDiagram("AV-1", AmendmentFixture.diagramPng(), "image/png");
        desk.issue("AV-1");
        assertThatThrownBy(() -> desk.receive("AV-1", Amendment.Piece.SERVICE_ORDER, TODAY))
                .isInstanceOfSatisfying(Invalid.class, invalid -> assertThat(invalid.violations().get(0).field())
                        .isEqualTo("piece"));
    }

    @Test
    void clause54AFirmAmountNeedsNoIndex() {
        desk.draft(AmendmentFixture.termsOf("AV-1", TODAY, false));
        var revision = desk.revise("AV-1", TODAY.plusMonths(6), null, Map.of());
        assertThat(revision.firm()).isTrue();
        assertThat(revision.totalExclTax()).isEqualByComparingTo("12721.42");
    }

    @Test
    void aRevisionByTheIndexNeedsTheIndexOfBothMonths() {
        desk.draft(AmendmentFixture.termsOf("AV-1", TODAY, false));
        assertThatThrownBy(() -> desk.revise("AV-1", TODAY.plusYears(2), null, null))
                .isInstanceOf(Conflict.class).hasMessageContaining("barème index");
    }

    private static final class AmendmentStore extends InMemoryRepository<Amendment> implements AmendmentRepository {
        @Override
        public List<Amendment> list(Amendment.Status status, int limit) {
            return stored.values().stream().filter(a -> status == null || a.getStatus() == status).limit(limit)
                    .toList();
        }

        @Override
        public List<String> idsIn(Amendment.Status... statuses) {
            List<Amendment.Status> wanted = List.of(statuses);
            return stored.values().stream().filter(a -> wanted.contains(a.getStatus())).map(Amendment::getId)
                    .toList();
        }
    }
}
