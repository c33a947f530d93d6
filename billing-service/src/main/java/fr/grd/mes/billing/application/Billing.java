package fr.grd.mes.billing.application;

import fr.grd.mes.billing.domain.BillingPolicy;
import fr.grd.mes.billing.domain.ChartRole;
import fr.grd.mes.billing.domain.CatalogueVersion;
import fr.grd.mes.billing.domain.InterventionBill;
import fr.grd.mes.events.ClientAbsent;
import fr.grd.mes.events.EventEnvelope;
import fr.grd.mes.events.EventTypes;
import fr.grd.mes.events.InterventionCompleted;
import fr.grd.mes.events.Topics;
import fr.grd.mes.support.mongo.AggregateStore;
import fr.grd.mes.support.outbox.OutboxWriter;
import fr.grd.mes.support.time.BusinessCalendar;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Bills each intervention exactly once, per the decision chart, at the prices of the catalogue version in
 * force on the intervention date; each line goes to the supplier's billing flow in the same write.
 */
@Service
public class Billing {
    public static final String COLLECTION = "bills";

    private final AggregateStore store;
    private final OutboxWriter outbox;
    private final Catalogue catalogue;
    private final Clock clock;

    public Billing(AggregateStore store, OutboxWriter outbox, Catalogue catalogue, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    public void onInterventionCompleted(EventEnvelope<?> envelope, InterventionCompleted done) {
        bill(done.appointmentId(), done.caseId(), done.pdl(), done.supplierId(), "COMPLETED",
                done.interventionDate(), done.externalReference(),
                BillingPolicy.rolesForCompleted(done.advanced()), done.additionalServices());
    }

    public void onClientAbsent(EventEnvelope<?> envelope, ClientAbsent absent) {
        bill(absent.appointmentId(), absent.caseId(), absent.pdl(), absent.supplierId(), "CLIENT_ABSENT",
                absent.interventionDate(), absent.externalReference(), BillingPolicy.rolesForClientAbsent(), List.of());
    }

    private void bill(String interventionId, String caseId, String pdl, String supplierId, String outcome,
                      LocalDate interventionDate, String externalReference, List<ChartRole> roles,
                      List<String> additionalServices) {
        if (store.find(interventionId, InterventionBill.class, COLLECTION).isPresent()) {
            return;
        }
        CatalogueVersion version = catalogue.inForceOn(interventionDate).orElseThrow(() ->
                new IllegalStateException("no catalogue version in force on " + interventionDate));
        List<String> codes = BillingPolicy.codes(roles, additionalServices, version);
        InterventionBill bill = InterventionBill.price(interventionId, caseId, pdl, supplierId, outcome,
                interventionDate, clock.instant(), LocalDate.now(clock.withZone(BusinessCalendar.PARIS)),
                externalReference, codes, version);
        bill.records().forEach(record -> outbox.append(bill, Topics.billing(supplierId), EventTypes.BILLING_RECORD,
                caseId, caseId, supplierId, record));
        try {
            store.insert(bill, COLLECTION);
        } catch (DuplicateKeyException alreadyBilled) {
            // a concurrent delivery of the same intervention billed it first: one bill only
        }
    }

    public List<InterventionBill> billsOf(String supplierId, String caseId) {
        Criteria criteria = Criteria.where("supplierId").is(supplierId);
        if (caseId != null) {
            criteria = criteria.and("caseId").is(caseId);
        }
        return store.mongo().find(Query.query(criteria).with(Sort.by("interventionDate", "caseId")),
                InterventionBill.class, COLLECTION);
    }
}
