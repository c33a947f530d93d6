package fr.grd.mes.contract.domain.amendment;

import fr.grd.mes.events.AmendmentAccepted;
import fr.grd.mes.events.AmendmentBalanceInvoiced;
import fr.grd.mes.events.AmendmentBalanceOverdue;
import fr.grd.mes.events.AmendmentBalanceReminder;
import fr.grd.mes.events.AmendmentEvent;
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
import java.util.Map;
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
    /** §8: the distributor's studies and works end "[Délai d'exécution] semaines" after the acceptance. */
    private LocalDate worksPlannedEnd;
    /** §9: the balance invoice, sent at the end of the distributor's works, and its payment. */
    private LocalDate distributorWorksCompletedOn;
    private PriceRevision balanceRevision;
    private BigDecimal balanceInvoiced;
    private LocalDate balanceInvoicedOn;
    private LocalDate balanceDueOn;
    private LocalDate balancePaidOn;
    private boolean balanceReminded;
    private boolean balanceOverdue;
    /** §5.2 and Annexe 3, after the Travaux Mandataire are received: their final amount and the réfaction credited. */
    private BigDecimal finalMandataireWorks;
    private BigDecimal creditedMandataireRefaction;
    /** Annexe 2: the connection diagram (APS), required before the amendment is issued. */
    private ConnectionDiagram connectionDiagram;

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

    /** MT_DAR: the PRAC deposit already paid (a deposit too, footnote 2 of Annexe 3), zero when there was no PRAC. */
    public BigDecimal pracDeposit() {
        return terms.pracDepositPaid() == null ? BigDecimal.ZERO.setScale(2)
                : terms.pracDepositPaid().setScale(2, RoundingMode.HALF_UP);
    }

    /** §5.3 "[pourcentage acompte]": A ÷ C as a percentage, rounded half-up to 2 decimals (the amount A stays exact). */
    public BigDecimal depositPercentage() {
        BigDecimal c = contribution().totalInclTax();
        if (c.signum() == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return depositDue().multiply(Annexe3.HUNDRED).divide(c, 2, RoundingMode.HALF_UP);
    }

    /**
     * §5.4 "aux conditions économiques et fiscales du [date du jour]": the revision's index base is this amendment's
     * economic conditions date (its own date when none is given).
     */
    public LocalDate economicConditionsDate() {
        return terms.economicConditionsDate() != null ? terms.economicConditionsDate() : terms.amendmentDate();
    }

    /** §5.4: firm if the requester's works are finished "au plus tard un an après la date d'émission de la présente". */
    public LocalDate firmUntil() {
        return terms.amendmentDate().plusYears(1);
    }

    /** A: the deposit due on acceptance (none for a local authority). */
    public BigDecimal depositDue() {
        return Annexe3.deposit(contribution().totalInclTax(), terms.pracDepositPaid(), terms.deposit().localAuthority());
    }

    /** Travaux Mandataire and the réfaction that can be credited on them (Annexe 3, last table). */
    public BigDecimal mandataireWorks() {
        return Annexe3.mandataireWorks(terms.pdrOrrAmountExclTax(), contribution().totalExclTax());
    }

    /** Annexe 2 "[Schéma de principe de raccordement à insérer ici]": attached, or replaced, while a draft. */
    public void attachConnectionDiagram(ConnectionDiagram diagram) {
        require(Status.DRAFT, "attach a connection diagram to");
        connectionDiagram = diagram;
    }

    public AmendmentIssued issue(LocalDate today) {
        require(Status.DRAFT, "issue");
        if (connectionDiagram == null) {
            throw new IllegalStateException("Annexe 2: the connection diagram (Avant-Projet Sommaire) is not attached;"
                    + " a proposal is not issued without it");
        }
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

    /**
     * A piece arrives; the last missing one, before the validity date, makes the acceptance (AmendmentAccepted) — or,
     * when the financing commune has already refused the extension, an acceptance void from the start
     * (AmendmentVoided, nothing cashed).
     */
    public Optional<AmendmentEvent> receive(Piece piece, LocalDate receivedOn) {
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
        if (Boolean.FALSE.equals(municipalityAgreed)) {
            // the commune already refused: the acceptance is void from the start, nothing is cashed
            depositCashed = BigDecimal.ZERO.setScale(2);
            return Optional.of(voidAcceptance(receivedOn));
        }
        depositCashed = terms.deposit().localAuthority() ? BigDecimal.ZERO.setScale(2) : depositDue();
        connectionAgreementDue = dueDate();
        worksPlannedEnd = terms.executionDelayWeeks() == null ? null : acceptedOn.plusWeeks(terms.executionDelayWeeks());
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

    /**
     * The Travaux Mandataire's final figures, once received (§5.2, Annexe 3): an estimate ("proposition estimative")
     * holds only if the final amount lies within ± 15 % of this amendment's amount for those works; the réfaction
     * credited on them is the one claimed, capped at the PDR's ORR réfaction ("ne peut pas être supérieur au montant
     * de la réfaction de l'Opération de Raccordement de Référence"). Returns the credited réfaction.
     */
    public BigDecimal recordFinalFigures(BigDecimal finalWorksExclTax, BigDecimal claimedRefaction) {
        require(Status.ACCEPTED, "record the final figures of");
        boolean estimate = terms.contributionBasis().firmness() == AmendmentTerms.ContributionBasis.Firmness.ESTIMATE;
        if (estimate && !Annexe3.withinEstimate(mandataireWorks(), finalWorksExclTax)) {
            throw new IllegalStateException("the final amount " + finalWorksExclTax.toPlainString() + " € HT lies outside "
                    + "the ± 15 % band around the estimate of " + mandataireWorks().toPlainString() + " € HT");
        }
        finalMandataireWorks = finalWorksExclTax.setScale(2, RoundingMode.HALF_UP);
        creditedMandataireRefaction = Annexe3.creditedRefaction(claimedRefaction, terms.pdrOrrRefactionExclTax());
        return creditedMandataireRefaction;
    }

    public BigDecimal getFinalMandataireWorks() {
        return finalMandataireWorks;
    }

    public BigDecimal getCreditedMandataireRefaction() {
        return creditedMandataireRefaction;
    }

    /** §9: days after the balance invoice within which a requester other than a local authority pays it. */
    public static final int BALANCE_PAYMENT_DAYS = 30;
    /** How many days before the balance falls due the requester is reminded. */
    public static final int BALANCE_REMINDER_DAYS = 7;

    /**
     * §9 "le règlement du solde, révisé s'il y a lieu selon … l'article 5.4, est exigible à l'achèvement des travaux
     * de raccordement réalisés par Enedis": the distributor's works are finished on {@code on}; the balance of
     * {@code revision} (revised C less A less MT_DAR) is invoiced that day, due {@value #BALANCE_PAYMENT_DAYS}
     * calendar days later for a requester other than a local authority. Once.
     */
    public AmendmentBalanceInvoiced invoiceBalance(LocalDate on, PriceRevision revision) {
        require(Status.ACCEPTED, "invoice the balance of");
        if (balanceInvoicedOn != null) {
            throw new IllegalStateException("the balance of amendment " + id + " was invoiced on " + balanceInvoicedOn);
        }
        if (on.isBefore(acceptedOn)) {
            throw new IllegalStateException("the distributor's works cannot end (" + on + ") before the acceptance ("
                    + acceptedOn + ")");
        }
        distributorWorksCompletedOn = on;
        balanceRevision = revision;
        balanceInvoiced = revision.balanceDue().max(BigDecimal.ZERO.setScale(2));
        balanceInvoicedOn = on;
        balanceDueOn = terms.deposit().localAuthority() ? null : on.plusDays(BALANCE_PAYMENT_DAYS);
        return new AmendmentBalanceInvoiced(id, on, balanceInvoiced, balanceDueOn);
    }

    public void balancePaid(LocalDate on) {
        if (balanceInvoicedOn == null) {
            throw new IllegalStateException("the balance of amendment " + id + " is not invoiced yet");
        }
        if (balancePaidOn != null) {
            throw new IllegalStateException("the balance of amendment " + id + " was paid on " + balancePaidOn);
        }
        balancePaidOn = on;
    }

    /** A reminder {@value #BALANCE_REMINDER_DAYS} days before the balance falls due, once, if still unpaid. */
    public Optional<AmendmentBalanceReminder> remindBalanceIfDue(LocalDate today) {
        if (balanceDueOn == null || balancePaidOn != null || balanceReminded
                || today.isBefore(balanceDueOn.minusDays(BALANCE_REMINDER_DAYS)) || today.isAfter(balanceDueOn)) {
            return Optional.empty();
        }
        balanceReminded = true;
        return Optional.of(new AmendmentBalanceReminder(id, balanceDueOn, balanceInvoiced));
    }

    /** The balance unpaid after its due date is flagged overdue, once. */
    public Optional<AmendmentBalanceOverdue> flagBalanceOverdue(LocalDate today) {
        if (balanceDueOn == null || balancePaidOn != null || balanceOverdue || !today.isAfter(balanceDueOn)) {
            return Optional.empty();
        }
        balanceOverdue = true;
        return Optional.of(new AmendmentBalanceOverdue(id, balanceDueOn, balanceInvoiced));
    }

    /**
     * §6: the commune (or EPCI) that bears the extension's contribution agrees, or refuses. Only such a commune
     * decides anything: otherwise the decision is refused. A refusal makes the requester's acceptance "nulle et non
     * avenue" and "les sommes versées vous seraient remboursées intégralement": an ACCEPTED amendment is voided and
     * refunded A and MT_DAR; an ISSUED one is not voided (nobody accepted it yet) but its acceptance, when its pieces
     * arrive, voids it at once without cashing the deposit.
     */
    public Optional<AmendmentVoided> municipalityDecision(boolean agreed, LocalDate on) {
        if (!Boolean.TRUE.equals(terms.communeFinancesExtension())) {
            throw new IllegalStateException("the commune (or EPCI) does not finance the extension of amendment " + id
                    + ": its decision neither voids the acceptance nor moves the connection agreement's delay");
        }
        if (status != Status.ACCEPTED && status != Status.ISSUED) {
            throw new IllegalStateException("cannot record the commune's decision on an amendment that is " + status);
        }
        municipalityAgreed = agreed;
        municipalityDecisionOn = on;
        if (agreed) {
            if (status == Status.ACCEPTED) {
                connectionAgreementDue = dueDate();
            }
            return Optional.empty();
        }
        if (status != Status.ACCEPTED) {
            return Optional.empty();
        }
        return Optional.of(voidAcceptance(on));
    }

    /** Everything cashed goes back: the deposit A and the PRAC deposit MT_DAR. */
    private AmendmentVoided voidAcceptance(LocalDate on) {
        status = Status.VOIDED;
        BigDecimal cashed = depositCashed == null ? BigDecimal.ZERO.setScale(2) : depositCashed;
        refunded = cashed.add(pracDeposit());
        return new AmendmentVoided(id, on, refunded);
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

    /**
     * §13: an admissible late-delivery claim pays the fixed indemnity (HTA here), once — and only once the agreed
     * date of the connection agreement has passed without it being delivered by then.
     */
    public BigDecimal lateDeliveryClaim(boolean admissible, LocalDate today) {
        require(Status.ACCEPTED, "claim late delivery on");
        if (connectionAgreementDue == null || !today.isAfter(connectionAgreementDue)) {
            throw new IllegalStateException("the connection agreement of amendment " + id + " is due on "
                    + connectionAgreementDue + ": it is not late on " + today);
        }
        if (connectionAgreementDeliveredOn != null && !connectionAgreementDeliveredOn.isAfter(connectionAgreementDue)) {
            throw new IllegalStateException("the connection agreement of amendment " + id + " was delivered on "
                    + connectionAgreementDeliveredOn + ", by its due date " + connectionAgreementDue);
        }
        if (!admissible) {
            return BigDecimal.ZERO.setScale(2);
        }
        if (lateDeliveryIndemnity == null) {
            lateDeliveryIndemnity = HTA_LATE_DELIVERY_INDEMNITY;
        }
        return lateDeliveryIndemnity;
    }

    /**
     * §5.4: the amount is firm when it is not an estimate and the requester's works finish within a year of this
     * amendment; otherwise it is revised by the index.
     */
    public boolean firmFor(LocalDate worksFinishedOn) {
        boolean estimate = terms.contributionBasis().firmness() == AmendmentTerms.ContributionBasis.Firmness.ESTIMATE;
        return !estimate && !worksFinishedOn.isAfter(firmUntil());
    }

    /**
     * §5.4. Firm if the requester's works are finished by {@link #firmUntil()} (one year after this amendment's date)
     * and the contribution is not an estimate; otherwise the contribution less the deposits already paid (A and the
     * PRAC deposit MT_DAR, both paid at this amendment's economic conditions) is revised by {@code indexRatio}
     * (barème index at the works' end over the index at {@link #economicConditionsDate()}). A VAT change maps each
     * rate of Annexe 3 to its new rate ({@code newVatRates}, old → new; a rate not named is unchanged), each applied to
     * its own (revised) base. The balance due is the revised C less A less MT_DAR (negative: owed back).
     */
    public PriceRevision revise(LocalDate worksFinishedOn, BigDecimal indexRatio, Map<BigDecimal, BigDecimal> newVatRates) {
        Annexe3.Contribution c = contribution();
        boolean firm = firmFor(worksFinishedOn);
        if (!firm && indexRatio == null) {
            throw new IllegalArgumentException("a revised amount needs the index ratio");
        }
        BigDecimal deposit = depositCashed == null ? BigDecimal.ZERO.setScale(2) : depositCashed;
        BigDecimal paid = deposit.add(pracDeposit());
        BigDecimal exclTax = c.totalExclTax();
        if (!firm && c.totalInclTax().signum() != 0) {
            BigDecimal paidExclTax = paid.multiply(c.totalExclTax()).divide(c.totalInclTax(), 2, RoundingMode.HALF_UP)
                    .min(c.totalExclTax());
            exclTax = exclTax.subtract(paidExclTax).multiply(indexRatio).setScale(2, RoundingMode.HALF_UP)
                    .add(paidExclTax);
        }
        // each rate's base grows with the whole; the last rate takes the rounding remainder so the bases add up
        Map<BigDecimal, BigDecimal> bases = vatBases();
        Map<BigDecimal, BigDecimal> vatByRate = new java.util.LinkedHashMap<>();
        BigDecimal allocated = BigDecimal.ZERO.setScale(2);
        List<BigDecimal> rates = new ArrayList<>(bases.keySet());
        for (int k = 0; k < rates.size(); k++) {
            BigDecimal rate = rates.get(k);
            BigDecimal base = k == rates.size() - 1 ? exclTax.subtract(allocated)
                    : c.totalExclTax().signum() == 0 ? BigDecimal.ZERO.setScale(2)
                    : bases.get(rate).multiply(exclTax).divide(c.totalExclTax(), 2, RoundingMode.HALF_UP);
            allocated = allocated.add(base);
            BigDecimal applied = newRateOf(rate, newVatRates);
            vatByRate.merge(applied, base.multiply(applied).divide(Annexe3.HUNDRED, 2, RoundingMode.HALF_UP),
                    BigDecimal::add);
        }
        BigDecimal vat = vatByRate.values().stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal inclTax = exclTax.add(vat);
        List<VatAmount> vatAmounts = vatByRate.entrySet().stream().map(e -> new VatAmount(e.getKey(), e.getValue()))
                .toList();
        return new PriceRevision(firm, firmUntil(), economicConditionsDate(), exclTax, vatAmounts, vat, inclTax,
                deposit, pracDeposit(), inclTax.subtract(deposit).subtract(pracDeposit()));
    }

    private static BigDecimal newRateOf(BigDecimal rate, Map<BigDecimal, BigDecimal> newVatRates) {
        if (newVatRates == null) {
            return rate;
        }
        return newVatRates.entrySet().stream().filter(e -> e.getKey().compareTo(rate) == 0).map(Map.Entry::getValue)
                .findFirst().orElse(rate).setScale(2, RoundingMode.HALF_UP);
    }

    /** Annexe 3's VAT bases: the lines' amounts after réfaction, by rate (ascending). */
    private Map<BigDecimal, BigDecimal> vatBases() {
        Map<BigDecimal, BigDecimal> bases = new java.util.TreeMap<>();
        for (ContributionLine line : terms.contributionLines()) {
            bases.merge(line.vatRate().setScale(2, RoundingMode.HALF_UP), line.amountAfterRefaction(), BigDecimal::add);
        }
        return bases;
    }

    /** The VAT at one (new) rate of a revised contribution. */
    public record VatAmount(BigDecimal rate, BigDecimal amount) {
    }

    /**
     * @param firmUntil        the last day the requester's works may end for the amount to stay firm
     * @param indexBase        the date of the economic conditions the index ratio starts from
     * @param depositPaid      A, cashed at acceptance
     * @param pracDepositPaid  MT_DAR, paid with the PRAC
     */
    public record PriceRevision(boolean firm, LocalDate firmUntil, LocalDate indexBase, BigDecimal totalExclTax,
                                List<VatAmount> vatByRate, BigDecimal vat, BigDecimal totalInclTax,
                                BigDecimal depositPaid, BigDecimal pracDepositPaid, BigDecimal balanceDue) {
    }

    /** §10.1.1: from the later of the acceptance and the financing commune's agreement (only such a commune's). */
    private LocalDate dueDate() {
        LocalDate from = acceptedOn;
        if (Boolean.TRUE.equals(terms.communeFinancesExtension()) && municipalityDecisionOn != null
                && Boolean.TRUE.equals(municipalityAgreed)
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

    public ConnectionDiagram getConnectionDiagram() {
        return connectionDiagram;
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

    public LocalDate getDistributorWorksCompletedOn() {
        return distributorWorksCompletedOn;
    }

    public PriceRevision getBalanceRevision() {
        return balanceRevision;
    }

    public BigDecimal getBalanceInvoiced() {
        return balanceInvoiced;
    }

    public LocalDate getBalanceInvoicedOn() {
        return balanceInvoicedOn;
    }

    public LocalDate getBalanceDueOn() {
        return balanceDueOn;
    }

    public LocalDate getBalancePaidOn() {
        return balancePaidOn;
    }

    public boolean isBalanceOverdue() {
        return balanceOverdue;
    }

    public LocalDate getWorksPlannedEnd() {
        return worksPlannedEnd;
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
