package fr.grd.mes.contract.domain.amendment;

import fr.grd.mes.events.AmendmentAccepted;
import fr.grd.mes.events.AmendmentExpired;
import fr.grd.mes.events.AmendmentIssued;
import fr.grd.mes.events.AmendmentVoided;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The life of an "Avenant L. 342-2" (§5.4, §6, §10.1.1, §13) on the hand-worked template. */
class AmendmentTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private static Amendment issued(boolean localAuthority) {
        Amendment amendment = Amendment.draft(AmendmentFixture.termsOf("AV-1", TODAY, localAuthority));
        AmendmentFixture.withDiagram(amendment, TODAY).issue(TODAY);
        return amendment;
    }

    private static Optional<AmendmentAccepted> receiveAll(Amendment amendment, LocalDate on) {
        Optional<fr.grd.mes.events.AmendmentEvent> outcome = Optional.empty();
        for (Amendment.Piece piece : amendment.requiredPieces()) {
            outcome = amendment.receive(piece, on);
        }
        return outcome.filter(AmendmentAccepted.class::isInstance).map(AmendmentAccepted.class::cast);
    }

    @Test
    void issuingAnnouncesTheTotalAndTheDepositAndHappensOnce() {
        Amendment amendment = Amendment.draft(AmendmentFixture.termsOf("AV-1", TODAY, false));
        assertThat(amendment.getStatus()).isEqualTo(Amendment.Status.DRAFT);
        AmendmentIssued issued = AmendmentFixture.withDiagram(amendment, TODAY).issue(TODAY);
        assertThat(issued.validUntil()).isEqualTo(TODAY.plusMonths(3));
        assertThat(amendment.getStatus()).isEqualTo(Amendment.Status.ISSUED);
        assertThat(amendment.depositDue()).isPositive().isLessThan(amendment.contribution().totalInclTax());
        assertThatThrownBy(() -> amendment.issue(TODAY)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void annexe2AProposalIsNotIssuedWithoutItsConnectionDiagramAndTheDiagramIsFixedOnceIssued() {
        Amendment amendment = Amendment.draft(AmendmentFixture.termsOf("AV-1", TODAY, false));
        assertThatThrownBy(() -> amendment.issue(TODAY)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Annexe 2");
        assertThat(amendment.getStatus()).isEqualTo(Amendment.Status.DRAFT);
        AmendmentFixture.withDiagram(amendment, TODAY).issue(TODAY);
        ConnectionDiagram issuedWith = amendment.getConnectionDiagram();
        assertThatThrownBy(() -> amendment.attachConnectionDiagram(ConnectionDiagram.of(
                AmendmentFixture.diagramPng(600, 300), "image/png", TODAY))).isInstanceOf(IllegalStateException.class);
        assertThat(amendment.getConnectionDiagram()).isEqualTo(issuedWith);
    }

    @Test
    void acceptanceNeedsEveryPieceAndCashesTheDepositOfANonLocalAuthority() {
        Amendment amendment = issued(false);
        assertThat(amendment.requiredPieces()).contains(Amendment.Piece.DEPOSIT_PAYMENT)
                .doesNotContain(Amendment.Piece.SERVICE_ORDER);
        assertThat(amendment.receive(Amendment.Piece.SIGNED_AMENDMENT, TODAY.plusDays(3))).isEmpty();
        assertThat(amendment.getStatus()).isEqualTo(Amendment.Status.ISSUED);
        AmendmentAccepted accepted = receiveAll(amendment, TODAY.plusDays(10)).orElseThrow();
        assertThat(accepted.acceptedOn()).isEqualTo(TODAY.plusDays(10));
        assertThat(accepted.depositCashed()).isEqualByComparingTo(amendment.depositDue());
        assertThat(amendment.getStatus()).isEqualTo(Amendment.Status.ACCEPTED);
    }

    @Test
    void aLocalAuthoritySendsAServiceOrderAndPaysNoDeposit() {
        Amendment amendment = issued(true);
        assertThat(amendment.requiredPieces()).contains(Amendment.Piece.SERVICE_ORDER)
                .doesNotContain(Amendment.Piece.DEPOSIT_PAYMENT);
        assertThatThrownBy(() -> amendment.receive(Amendment.Piece.DEPOSIT_PAYMENT, TODAY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("service order");
        assertThat(receiveAll(amendment, TODAY.plusDays(5)).orElseThrow().depositCashed()).isZero();
    }

    @Test
    void afterTheValidityDateNoPieceCountsAndTheAmendmentExpiresWithWhatIsMissing() {
        Amendment amendment = issued(false);
        amendment.receive(Amendment.Piece.SIGNED_AMENDMENT, TODAY.plusDays(1));
        LocalDate after = TODAY.plusMonths(3).plusDays(1);
        assertThatThrownBy(() -> amendment.receive(Amendment.Piece.FINANCIAL_GUARANTEE, after))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("expired");
        assertThat(amendment.expireIfDue(TODAY.plusMonths(3))).as("not on its last day").isEmpty();
        AmendmentExpired expired = amendment.expireIfDue(after).orElseThrow();
        assertThat(expired.missingPieces()).doesNotContain("SIGNED_AMENDMENT").contains("DEPOSIT_PAYMENT");
        assertThat(amendment.getStatus()).isEqualTo(Amendment.Status.EXPIRED);
    }

    @Test
    void theMunicipalitysRefusalVoidsTheAcceptanceAndRefundsWhatWasCashed() {
        Amendment amendment = Amendment.draft(AmendmentFixture.termsOf("AV-1", TODAY, false,
                t -> t.put("communeFinancesExtension", true)));
        AmendmentFixture.withDiagram(amendment, TODAY).issue(TODAY);
        AmendmentAccepted accepted = receiveAll(amendment, TODAY.plusDays(10)).orElseThrow();
        AmendmentVoided voided = amendment.municipalityDecision(false, TODAY.plusDays(20)).orElseThrow();
        assertThat(voided.refund()).as("A and the PRAC deposit")
                .isEqualByComparingTo(accepted.depositCashed().add(amendment.pracDeposit()));
        assertThat(amendment.getStatus()).isEqualTo(Amendment.Status.VOIDED);
    }

    @Test
    void anUndeliveredConnectionAgreementIsFlaggedOverdueOnceAfterItsDueDate() {
        Amendment amendment = issued(false);
        LocalDate due = receiveAll(amendment, TODAY.plusDays(10)).orElseThrow().connectionAgreementDue();
        assertThat(amendment.flagOverdue(due)).isEmpty();
        assertThat(amendment.flagOverdue(due.plusDays(1))).isPresent();
        assertThat(amendment.flagOverdue(due.plusDays(2))).as("flagged once").isEmpty();
    }

    @Test
    void aDeliveredConnectionAgreementIsNeverOverdue() {
        Amendment amendment = issued(false);
        LocalDate due = receiveAll(amendment, TODAY.plusDays(10)).orElseThrow().connectionAgreementDue();
        amendment.connectionAgreementDelivered(due.minusDays(1));
        assertThat(amendment.flagOverdue(due.plusDays(30))).isEmpty();
    }

    @Test
    void theLateDeliveryIndemnityIsTheHtaAmountOnceAndOnlyAfterAcceptance() {
        Amendment notAccepted = issued(false);
        assertThatThrownBy(() -> notAccepted.lateDeliveryClaim(true, TODAY)).isInstanceOf(IllegalStateException.class);
        Amendment amendment = issued(false);
        LocalDate late = receiveAll(amendment, TODAY.plusDays(10)).orElseThrow().connectionAgreementDue().plusDays(1);
        assertThat(amendment.lateDeliveryClaim(false, late)).isZero();
        assertThat(amendment.lateDeliveryClaim(true, late)).isEqualByComparingTo(Amendment.HTA_LATE_DELIVERY_INDEMNITY);
        assertThat(amendment.lateDeliveryClaim(true, late)).as("paid once: the same indemnity, not a second one")
                .isEqualByComparingTo(Amendment.HTA_LATE_DELIVERY_INDEMNITY);
    }
}
