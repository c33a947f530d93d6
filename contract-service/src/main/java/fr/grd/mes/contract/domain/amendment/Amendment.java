package fr.grd.mes.contract.domain.amendment;

import fr.grd.mes.events.AmendmentAccepted;
import fr.grd.mes.events.AmendmentExpired;
import fr.grd.mes.events.AmendmentIssued;
import fr.grd.mes.events.AmendmentVoided;
import fr.grd.mes.events.ConnectionAgreementOverdue;
import fr.grd.mes.support.aggregate.AggregateRoot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An "Avenant L. 342-2" and its life (seed §5.4, §6, §10.1.1, §13): DRAFT → ISSUED (valid until a date) →
 * ACCEPTED only when every piece has arrived before that date, or EXPIRED after it (no deposit cashed); an
 * acceptance is VOIDED if the municipality refuses the extension (what was paid is refunded). After acceptance
 * the connection agreement is due within the stated weeks of the later of acceptance and the municipality's
 * agreement; overdue is flagged.
 */
public class Amendment extends AggregateRoot {
    /** The pieces that materialise acceptance (§6). */
    public enum Piece {
        SIGNED_AMENDMENT, SIGNED_MANDATE_CONTRACT, FINANCIAL_GUARANTEE, INSURANCE_CERTIFICATE,
        DEPOSIT_PAYMENT, SERVICE_ORDER
    }

    public enum Status { DRAFT, ISSUED, ACCEPTED, EXPIRED, VOIDED }

    /** "Si la réclamation est recevable, Enedis vous versera … 1500 euros pour un raccordement en HTA" (§13). */
    public static final BigDecimal HTA_LATE_DELIVERY_INDEMNITY = new BigDecimal("1500.00");
    public static final BigDecimal BT_LATE_DELIVERY_INDEMNITY = new BigDecimal("150.00");

    private String id;
    private AmendmentTerms terms;
    private Status status;
    private List<Piece> receivedPieces = new ArrayList<>();
    private LocalDate issuedOn;
    private LocalDate acceptedOn;
    private BigDecimal depositCashed;
    private Boolean municipalityAgreed;
    private LocalDate municipalityDecisionOn;
    private LocalDate connectionAgreementDue;
    private LocalDate connectionAgreementDeliveredOn;
    private boolean connectionAgreementOverdue;
    private BigDecimal refunded;
    private BigDecimal lateDeliveryIndemnity;

    Amendment() {
    }

    public static Amendment draft(AmendmentTerms terms) {
        Amendment a = new Amendment();
        a.id = terms.amendmentNumber();
        a.terms = terms;
        a.status = Status.DRAFT;
        return a;
    }

    public Annexe3.Contribution contribution() {
        return Annexe3.compute(terms.contributionLines());
    }

    /** A: the deposit due on acceptance (none for a local authority). */
    public BigDecimal depositDue() {
        return Annexe3.deposit(contribution().totalInclTax(), terms.pracDepositPaid(), terms.deposit().localAuthority());
    }

    /** Travaux Mandataire and the réfaction that can be credited on them (Annexe 3, last table). */
    public BigDecimal mandataireWorks() {
        return Annexe3.mandataireWorks(terms.pdrOrrAmountExclTax(), contribution().totalExclTax());
    }

    public AmendmentIssued issue(LocalDate today) {
        require(Status.DRAFT, "issue");
        if (!terms.validUntil().isAfter(today)) {
            throw new IllegalStateException("the validity end date " + terms.validUntil() + " is not after today");
        }
        status = Status.ISSUED;
        issuedOn = today;
        return new AmendmentIssued(id, terms.pdrNumber(), terms.validUntil(), contribution().totalInclTax(),
                depositDue());
    }

    public Set<Piece> requiredPieces() {
        Set<Piece> required = EnumSet.of(Piece.SIGNED_AMENDMENT, Piece.SIGNED_MANDATE_CONTRACT,
                Piece.FINANCIAL_GUARANTEE, Piece.INSURANCE_CERTIFICATE);
        required.add(terms.deposit().localAuthority() ? Piece.SERVICE_ORDER : Piece.DEPOSIT_PAYMENT);
        return required;
    }

    public List<Piece> missingPieces() {
        return requiredPieces().stream().filter(p -> !receivedPieces.contains(p)).toList();
    }

    /** A piece arrives; the last missing one, before the validity date, makes the acceptance. */
    public Optional<AmendmentAccepted> receive(Piece piece, LocalDate receivedOn) {
        require(Status.ISSUED, "receive a piece for");
        if (!requiredPieces().contains(piece)) {
            throw new IllegalArgumentException(piece + " is not an acceptance piece of this amendment ("
                    + (terms.deposit().localAuthority() ? "a local authority sends a service order, no deposit"
                    : "the deposit is paid, no service order") + ")");
        }
        if (receivedOn.isAfter(terms.validUntil())) {
            throw new IllegalStateException("received on " + receivedOn + ", after the validity date "
                    + terms.validUntil() + ": the amendment is expired");
        }
        if (!receivedPieces.contains(piece)) {
            receivedPieces.add(piece);
        }
        if (!missingPieces().isEmpty()) {
            return Optional.empty();
        }
        status = Status.ACCEPTED;
        acceptedOn = receivedOn;
        depositCashed = terms.deposit().localAuthority() ? BigDecimal.ZERO.setScale(2) : depositDue();
        connectionAgreementDue = dueDate();
        return Optional.of(new AmendmentAccepted(id, acceptedOn, depositCashed, connectionAgreementDue));
    }

    /** After the validity date, an issued amendment with pieces missing expires; nothing is cashed. */
    public Optional<AmendmentExpired> expireIfDue(LocalDate today) {
        if (status != Status.ISSUED || !today.isAfter(terms.validUntil())) {
            return Optional.empty();
        }
        status = Status.EXPIRED;
        return Optional.of(new AmendmentExpired(id, terms.validUntil(), missingPieces().stream().map(Enum::name)
                .toList()));
    }

    /** The municipality (or EPCI) paying the extension agrees, or refuses (which voids an acceptance). */
    public Optional<AmendmentVoided> municipalityDecision(boolean agreed, LocalDate on) {
        municipalityAgreed = agreed;
        municipalityDecisionOn = on;
        if (agreed) {
            if (status == Status.ACCEPTED) {
                connectionAgreementDue = dueDate();
            }
            return Optional.empty();
        }
        if (status != Status.ACCEPTED && status != Status.ISSUED) {
            return Optional.empty();
        }
        status = Status.VOIDED;
        refunded = depositCashed == null ? BigDecimal.ZERO.setScale(2) : depositCashed;
        return Optional.of(new AmendmentVoided(id, on, refunded));
    }

    public void connectionAgreementDelivered(LocalDate on) {
        require(Status.ACCEPTED, "deliver the connection agreement of");
        connectionAgreementDeliveredOn = on;
    }

    public Optional<ConnectionAgreementOverdue> flagOverdue(LocalDate today) {
        if (status != Status.ACCEPTED || connectionAgreementDue == null || connectionAgreementDeliveredOn != null
                || connectionAgreementOverdue || !today.isAfter(connectionAgreementDue)) {
            return Optional.empty();
        }
        connectionAgreementOverdue = true;
        return Optional.of(new ConnectionAgreementOverdue(id, connectionAgreementDue));
    }

    /** §13: an admissible late-delivery claim pays the fixed indemnity (HTA here), once. */
    public BigDecimal lateDeliveryClaim(boolean admissible) {
        require(Status.ACCEPTED, "claim late delivery on");
        if (!admissible) {
            return BigDecimal.ZERO.setScale(2);
        }
        if (lateDeliveryIndemnity == null) {
            lateDeliveryIndemnity = HTA_LATE_DELIVERY_INDEMNITY;
        }
        return lateDeliveryIndemnity;
    }

    /**
     * §5.4: firm if the requester's works are finished within one year of the PDR and the contribution is not an
     * estimate; otherwise the contribution less the deposit is revised by the barème index ratio. A new VAT rate
     * re-prices the TTC amount.
     */
    public PriceRevision revise(LocalDate worksFinishedOn, BigDecimal indexRatio, BigDecimal newVatRate) {
        Annexe3.Contribution c = contribution();
        boolean estimate = terms.contributionBasis().firmness() == AmendmentTerms.ContributionBasis.Firmness.ESTIMATE;
        boolean firm = !estimate && !worksFinishedOn.isAfter(terms.pdrDate().plusYears(1));
        BigDecimal deposit = depositCashed == null ? BigDecimal.ZERO.setScale(2) : depositCashed;
        BigDecimal exclTax = c.totalExclTax();
        if (!firm) {
            BigDecimal depositExclTax = c.totalInclTax().signum() == 0 ? BigDecimal.ZERO
                    : deposit.multiply(c.totalExclTax()).divide(c.totalInclTax(), 2, RoundingMode.HALF_UP);
            exclTax = exclTax.subtract(depositExclTax).multiply(indexRatio).setScale(2, RoundingMode.HALF_UP)
                    .add(depositExclTax);
        }
        BigDecimal vat;
        if (newVatRate != null) {
            vat = exclTax.multiply(newVatRate).divide(Annexe3.HUNDRED, 2, RoundingMode.HALF_UP);
        } else {
            BigDecimal effectiveRate = c.totalExclTax().signum() == 0 ? BigDecimal.ZERO
                    : c.vat().divide(c.totalExclTax(), 10, RoundingMode.HALF_UP);
            vat = exclTax.multiply(effectiveRate).setScale(2, RoundingMode.HALF_UP);
        }
        return new PriceRevision(firm, exclTax, vat, exclTax.add(vat), exclTax.add(vat).subtract(deposit));
    }

    public record PriceRevision(boolean firm, BigDecimal totalExclTax, BigDecimal vat, BigDecimal totalInclTax,
                                BigDecimal balanceDue) {
    }

    private LocalDate dueDate() {
        LocalDate from = acceptedOn;
        if (municipalityDecisionOn != null && Boolean.TRUE.equals(municipalityAgreed)
                && municipalityDecisionOn.isAfter(from)) {
            from = municipalityDecisionOn;
        }
        return from.plusWeeks(terms.connectionAgreementDelayWeeks());
    }

    private void require(Status expected, String action) {
        if (status != expected) {
            throw new IllegalStateException("cannot " + action + " an amendment that is " + status);
        }
    }

    @Override
    public String getId() {
        return id;
    }

    public AmendmentTerms getTerms() {
        return terms;
    }

    public Status getStatus() {
        return status;
    }

    public List<Piece> getReceivedPieces() {
        return List.copyOf(receivedPieces);
    }

    public LocalDate getIssuedOn() {
        return issuedOn;
    }

    public LocalDate getAcceptedOn() {
        return acceptedOn;
    }

    public BigDecimal getDepositCashed() {
        return depositCashed;
    }

    public LocalDate getConnectionAgreementDue() {
        return connectionAgreementDue;
    }

    public LocalDate getConnectionAgreementDeliveredOn() {
        return connectionAgreementDeliveredOn;
    }

    public boolean isConnectionAgreementOverdue() {
        return connectionAgreementOverdue;
    }

    public BigDecimal getRefunded() {
        return refunded;
    }

    public Boolean getMunicipalityAgreed() {
        return municipalityAgreed;
    }
}
