package fr.grd.mes.contract.application;

import fr.grd.mes.contract.domain.amendment.Amendment;
import fr.grd.mes.contract.domain.amendment.AmendmentTerms;
import fr.grd.mes.contract.domain.amendment.AmendmentValidation;
import fr.grd.mes.contract.domain.amendment.ConnectionDiagram;
import fr.grd.mes.support.time.BusinessCalendar;
import fr.grd.mes.support.port.AlreadyStored;
import fr.grd.mes.support.port.EventPublisher;
import fr.grd.mes.support.outcome.Conflict;
import fr.grd.mes.support.outcome.NotFound;
import fr.grd.mes.support.outcome.Invalid;
import fr.grd.mes.support.outcome.Violation;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * The use cases of "Avenant L. 342-2" amendments: drafted from the filled template (every problem reported at
 * once), issued, pieces received, municipality decisions, connection agreement, price revision and late-delivery
 * claims; the time rules (expiry, overdue agreement) run on the shared clock. Each change and its event are
 * one document write.
 */
@Service
public class AmendmentDesk {
    private final AmendmentRepository amendments;
    private final ConnectionDiagrams diagrams;
    private final BaremeIndexes bareme;
    private final EventPublisher events;
    private final Clock clock;

    public AmendmentDesk(AmendmentRepository amendments, ConnectionDiagrams diagrams, BaremeIndexes bareme,
                         EventPublisher events, Clock clock) {
        this.amendments = amendments;
        this.diagrams = diagrams;
        this.bareme = bareme;
        this.events = events;
        this.clock = clock;
    }

    public Amendment draft(AmendmentTerms terms) {
        List<AmendmentValidation.Problem> problems;
        try {
            problems = AmendmentValidation.check(terms);
        } catch (IllegalArgumentException e) {
            throw new Invalid(List.of(new Violation("contributionLines", e.getMessage())));
        }
        if (!problems.isEmpty()) {
            throw new Invalid(problems.stream().map(p -> new Violation(p.field(), p.reason())).toList());
        }
        try {
            return amendments.insert(Amendment.draft(terms));
        } catch (AlreadyStored e) {
            throw new Conflict("amendment " + terms.amendmentNumber() + " already exists");
        }
    }

    public Amendment get(String id) {
        return amendments.find(id)
                .orElseThrow(() -> new NotFound("amendment " + id + " not found"));
    }

    /** Amendments in one state (all states when null), the validity end date nearest first. */
    public java.util.List<Amendment> list(Amendment.Status status, int limit) {
        return amendments.list(status, limit);
    }

    /**
     * Annexe 2: the connection diagram of a draft. The picture is checked, then stored under its digest, then named
     * by the amendment: a failure between the two writes leaves an unused picture, never an amendment naming bytes
     * that are not there.
     */
    public Amendment attachConnectionDiagram(String id, byte[] picture, String contentType) {
        ConnectionDiagram diagram;
        try {
            diagram = ConnectionDiagram.of(picture, contentType, today());
        } catch (IllegalArgumentException e) {
            throw new Invalid(List.of(new Violation("connectionDiagram", e.getMessage())));
        }
        Amendment current = get(id);
        if (current.getStatus() != Amendment.Status.DRAFT) {
            throw new Conflict("cannot attach a connection diagram to an amendment that is " + current.getStatus());
        }
        diagrams.store(diagram.sha256(), diagram.contentType(), picture);
        return change(id, a -> {
            a.attachConnectionDiagram(diagram);
            return a;
        });
    }

    /** The picture of an amendment's Annexe 2, if one is attached. */
    public java.util.Optional<byte[]> connectionDiagram(Amendment amendment) {
        ConnectionDiagram diagram = amendment.getConnectionDiagram();
        if (diagram == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(diagrams.find(diagram.sha256()).orElseThrow(() -> new IllegalStateException(
                "amendment " + amendment.getId() + " names connection diagram " + diagram.sha256()
                        + " which is not stored")));
    }

    public Amendment issue(String id) {
        return change(id, a -> {
            var issued = a.issue(today());
            events.publish(a, issued);
            return a;
        });
    }

    public Amendment receive(String id, Amendment.Piece piece, LocalDate receivedOn) {
        return change(id, a -> {
            a.receive(piece, receivedOn == null ? today() : receivedOn).ifPresent(outcome ->
                    events.publish(a, outcome));
            return a;
        });
    }

    public Amendment municipalityDecision(String id, boolean agreed, LocalDate on) {
        return change(id, a -> {
            a.municipalityDecision(agreed, on == null ? today() : on).ifPresent(voided ->
                    events.publish(a, voided));
            return a;
        });
    }

    public Amendment connectionAgreementDelivered(String id, LocalDate on) {
        return change(id, a -> {
            a.connectionAgreementDelivered(on == null ? today() : on);
            return a;
        });
    }

    public BigDecimal lateDeliveryClaim(String id, boolean admissible) {
        BigDecimal[] paid = new BigDecimal[1];
        change(id, a -> {
            paid[0] = a.lateDeliveryClaim(admissible, today());
            return a;
        });
        return paid[0];
    }

    /**
     * The revision of §5.4. Without an explicit ratio, the barème index of the month the requester's works
     * finished over the index of the month of this amendment's economic conditions, both loaded with
     * {@link #loadBaremeIndex}. {@code newVatRates} maps old VAT rates to new ones.
     */
    public Amendment.PriceRevision revise(String id, LocalDate worksFinishedOn, BigDecimal indexRatio,
                                          java.util.Map<BigDecimal, BigDecimal> newVatRates) {
        Amendment amendment = get(id);
        BigDecimal ratio = indexRatio;
        // a firm amount is not revised: no index is needed
        if (ratio == null && !amendment.firmFor(worksFinishedOn)) {
            BigDecimal base = baremeIndex(java.time.YearMonth.from(amendment.economicConditionsDate()));
            BigDecimal current = baremeIndex(java.time.YearMonth.from(worksFinishedOn));
            ratio = current.divide(base, 10, java.math.RoundingMode.HALF_UP);
        }
        return amendment.revise(worksFinishedOn, ratio, newVatRates);
    }

    /**
     * §9: the distributor's works are finished; the balance is invoiced on the revision of §5.4 (as
     * {@link #revise}) and falls due 30 calendar days later.
     */
    public Amendment distributorWorksCompleted(String id, LocalDate completedOn, LocalDate requesterWorksFinishedOn,
                                               BigDecimal indexRatio, java.util.Map<BigDecimal, BigDecimal> newVatRates) {
        LocalDate on = completedOn == null ? today() : completedOn;
        Amendment.PriceRevision revision = revise(id, requesterWorksFinishedOn, indexRatio, newVatRates);
        return change(id, a -> {
            events.publish(a, a.invoiceBalance(on, revision));
            return a;
        });
    }

    public Amendment recordFinalFigures(String id, BigDecimal finalWorksExclTax, BigDecimal claimedRefaction) {
        return change(id, a -> {
            a.recordFinalFigures(finalWorksExclTax, claimedRefaction);
            return a;
        });
    }

    public Amendment balancePaid(String id, LocalDate paidOn) {
        return change(id, a -> {
            a.balancePaid(paidOn == null ? today() : paidOn);
            return a;
        });
    }

    /** Loads (or corrects) the barème price index of a month. */
    public void loadBaremeIndex(java.time.YearMonth month, BigDecimal value) {
        bareme.put(month, value);
    }

    public java.util.Map<String, BigDecimal> baremeIndexes() {
        return bareme.all();
    }

    private BigDecimal baremeIndex(java.time.YearMonth month) {
        return bareme.of(month).orElseThrow(() -> new Conflict("load the barème index of " + month
                + " first (PUT /api/v1/amendments/bareme-index/" + month + ")"));
    }

    /**
     * The time rules: issued amendments past their validity expire; overdue agreements are flagged; an unpaid
     * balance is reminded a week before it falls due and flagged overdue after.
     */
    public int sweep() {
        LocalDate today = today();
        int changed = 0;
        for (String id : amendments.idsIn(Amendment.Status.ISSUED, Amendment.Status.ACCEPTED)) {
            changed += amendments.retrying(() -> {
                Amendment a = get(id);
                var expired = a.expireIfDue(today);
                expired.ifPresent(e -> events.publish(a, e));
                var overdue = a.flagOverdue(today);
                overdue.ifPresent(o -> events.publish(a, o));
                var reminder = a.remindBalanceIfDue(today);
                reminder.ifPresent(o -> events.publish(a, o));
                var balanceOverdue = a.flagBalanceOverdue(today);
                balanceOverdue.ifPresent(o -> events.publish(a, o));
                if (expired.isEmpty() && overdue.isEmpty() && reminder.isEmpty() && balanceOverdue.isEmpty()) {
                    return 0;
                }
                amendments.update(a);
                return 1;
            });
        }
        return changed;
    }

    private Amendment change(String id, Function<Amendment, Amendment> action) {
        return amendments.retrying(() -> {
            Amendment a = get(id);
            try {
                action.apply(a);
            } catch (IllegalStateException e) {
                throw new Conflict(e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new Invalid(List.of(new Violation("piece", e.getMessage())));
            }
            return amendments.update(a);
        });
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(BusinessCalendar.PARIS));
    }
}
