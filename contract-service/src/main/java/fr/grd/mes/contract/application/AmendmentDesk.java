package fr.grd.mes.contract.application;

import fr.grd.mes.contract.domain.amendment.Amendment;
import fr.grd.mes.contract.domain.amendment.AmendmentTerms;
import fr.grd.mes.contract.domain.amendment.AmendmentValidation;
import fr.grd.mes.events.EventTypes;
import fr.grd.mes.events.Topics;
import fr.grd.mes.support.mongo.AggregateStore;
import fr.grd.mes.support.outbox.OutboxWriter;
import fr.grd.mes.support.time.BusinessCalendar;
import fr.grd.mes.support.web.ConflictException;
import fr.grd.mes.support.web.NotFoundException;
import fr.grd.mes.support.web.ValidationFailedException;
import fr.grd.mes.support.web.Violation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
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
    public static final String COLLECTION = "amendments";

    private final AggregateStore store;
    private final OutboxWriter outbox;
    private final Clock clock;

    public AmendmentDesk(AggregateStore store, OutboxWriter outbox, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Amendment draft(AmendmentTerms terms) {
        List<AmendmentValidation.Problem> problems;
        try {
            problems = AmendmentValidation.check(terms);
        } catch (IllegalArgumentException e) {
            throw new ValidationFailedException(List.of(new Violation("contributionLines", e.getMessage())));
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(problems.stream().map(p -> new Violation(p.field(), p.reason())).toList());
        }
        try {
            return store.insert(Amendment.draft(terms), COLLECTION);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("amendment " + terms.amendmentNumber() + " already exists");
        }
    }

    public Amendment get(String id) {
        return store.find(id, Amendment.class, COLLECTION)
                .orElseThrow(() -> new NotFoundException("amendment " + id + " not found"));
    }

    /** Amendments in one state (all states when null), the validity end date nearest first. */
    public java.util.List<Amendment> list(Amendment.Status status, int limit) {
        var query = new org.springframework.data.mongodb.core.query.Query();
        if (status != null) {
            query.addCriteria(org.springframework.data.mongodb.core.query.Criteria.where("status").is(status.name()));
        }
        query.with(org.springframework.data.domain.Sort.by("terms.validUntil", "_id")).limit(limit);
        return store.mongo().find(query, Amendment.class, COLLECTION);
    }

    public Amendment issue(String id) {
        return change(id, a -> {
            var issued = a.issue(today());
            outbox.append(a, Topics.AMENDMENTS, EventTypes.AMENDMENT_ISSUED, id, id, null, issued);
            return a;
        });
    }

    public Amendment receive(String id, Amendment.Piece piece, LocalDate receivedOn) {
        return change(id, a -> {
            a.receive(piece, receivedOn == null ? today() : receivedOn).ifPresent(accepted ->
                    outbox.append(a, Topics.AMENDMENTS, EventTypes.AMENDMENT_ACCEPTED, id, id, null, accepted));
            return a;
        });
    }

    public Amendment municipalityDecision(String id, boolean agreed, LocalDate on) {
        return change(id, a -> {
            a.municipalityDecision(agreed, on == null ? today() : on).ifPresent(voided ->
                    outbox.append(a, Topics.AMENDMENTS, EventTypes.AMENDMENT_VOIDED, id, id, null, voided));
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
            paid[0] = a.lateDeliveryClaim(admissible);
            return a;
        });
        return paid[0];
    }

    /**
     * The revision of §5.4. Without an explicit ratio, the barème index of the month the requester's works
     * finished over the index of the PDR's month, both loaded with {@link #loadBaremeIndex}.
     */
    public Amendment.PriceRevision revise(String id, LocalDate worksFinishedOn, BigDecimal indexRatio,
                                          BigDecimal newVatRate) {
        Amendment amendment = get(id);
        BigDecimal ratio = indexRatio;
        if (ratio == null) {
            BigDecimal base = baremeIndex(java.time.YearMonth.from(amendment.getTerms().pdrDate()));
            BigDecimal current = baremeIndex(java.time.YearMonth.from(worksFinishedOn));
            ratio = current.divide(base, 10, java.math.RoundingMode.HALF_UP);
        }
        return amendment.revise(worksFinishedOn, ratio, newVatRate);
    }

    public static final String BAREME_INDEX = "bareme_index";

    /** Loads (or corrects) the barème price index of a month. */
    public void loadBaremeIndex(java.time.YearMonth month, BigDecimal value) {
        store.mongo().save(new org.bson.Document("_id", month.toString()).append("value", value.toPlainString()),
                BAREME_INDEX);
    }

    public java.util.Map<String, BigDecimal> baremeIndexes() {
        java.util.Map<String, BigDecimal> indexes = new java.util.TreeMap<>();
        store.mongo().findAll(org.bson.Document.class, BAREME_INDEX)
                .forEach(d -> indexes.put(d.getString("_id"), new BigDecimal(d.getString("value"))));
        return indexes;
    }

    private BigDecimal baremeIndex(java.time.YearMonth month) {
        org.bson.Document doc = store.mongo().findById(month.toString(), org.bson.Document.class, BAREME_INDEX);
        if (doc == null) {
            throw new ConflictException("load the barème index of " + month + " first (PUT /api/v1/amendments/"
                    + "bareme-index/" + month + ")");
        }
        return new BigDecimal(doc.getString("value"));
    }

    /** The time rules: issued amendments past their validity expire; overdue agreements are flagged. */
    public int sweep() {
        LocalDate today = today();
        int changed = 0;
        Query active = Query.query(Criteria.where("status").in(Amendment.Status.ISSUED.name(),
                Amendment.Status.ACCEPTED.name()));
        active.fields().include("_id");
        for (org.bson.Document doc : store.mongo().find(active, org.bson.Document.class, COLLECTION)) {
            String id = doc.getString("_id");
            changed += store.retrying(() -> {
                Amendment a = get(id);
                var expired = a.expireIfDue(today);
                expired.ifPresent(e -> outbox.append(a, Topics.AMENDMENTS, EventTypes.AMENDMENT_EXPIRED, id, id, null, e));
                var overdue = a.flagOverdue(today);
                overdue.ifPresent(o -> outbox.append(a, Topics.AMENDMENTS, EventTypes.CONNECTION_AGREEMENT_OVERDUE, id,
                        id, null, o));
                if (expired.isEmpty() && overdue.isEmpty()) {
                    return 0;
                }
                store.update(a, COLLECTION);
                return 1;
            });
        }
        return changed;
    }

    private Amendment change(String id, Function<Amendment, Amendment> action) {
        return store.retrying(() -> {
            Amendment a = get(id);
            try {
                action.apply(a);
            } catch (IllegalStateException e) {
                throw new ConflictException(e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new ValidationFailedException(List.of(new Violation("piece", e.getMessage())));
            }
            return store.update(a, COLLECTION);
        });
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(BusinessCalendar.PARIS));
    }
}
