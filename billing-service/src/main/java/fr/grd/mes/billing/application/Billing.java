package fr.grd.mes.billing.application;

import fr.grd.mes.billing.domain.BillingPolicy;
import fr.grd.mes.billing.domain.CatalogueVersion;
import fr.grd.mes.billing.domain.InterventionBill;
import fr.grd.mes.events.ChartBranch;
import fr.grd.mes.events.ClientAbsent;
import fr.grd.mes.events.EventEnvelope;
import fr.grd.mes.events.InterventionCompleted;
import fr.grd.mes.support.outcome.Conflict;
import fr.grd.mes.support.outcome.NotFound;
import fr.grd.mes.support.port.AlreadyStored;
import fr.grd.mes.support.port.EventPublisher;
import fr.grd.mes.support.time.BusinessCalendar;
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
    private final BillRepository bills;
    private final EventPublisher events;
    private final Catalogue catalogue;
    private final Clock clock;

    public Billing(BillRepository bills, EventPublisher events, Catalogue catalogue, Clock clock) {
        this.bills = bills;
        this.events = events;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    public void onInterventionCompleted(EventEnvelope<?> envelope, InterventionCompleted done) {
        bill(done.appointmentId(), done.caseId(), done.pdl(), done.supplierId(), "COMPLETED",
                done.interventionDate(), done.externalReference(),
                branchOf(done.branch(), done.advanced()), BillingPolicy.Presence.PRESENT, done.additionalServices());
    }

    public void onClientAbsent(EventEnvelope<?> envelope, ClientAbsent absent) {
        bill(absent.appointmentId(), absent.caseId(), absent.pdl(), absent.supplierId(), "CLIENT_ABSENT",
                absent.interventionDate(), absent.externalReference(), branchOf(absent.branch(), absent.advanced()),
                BillingPolicy.Presence.ABSENT, List.of());
    }

    /**
     * The branch scheduling decided; an event written before the branch was carried (schema version without it) says
     * only whether the date was advanced, which is all the chart needs to bill it.
     */
    private static ChartBranch branchOf(ChartBranch branch, boolean advanced) {
        if (branch != null) {
            return branch;
        }
        return advanced ? ChartBranch.OPTION_2_1_1_ADVANCED : ChartBranch.OPTION_1;
    }

    private void bill(String interventionId, String caseId, String pdl, String supplierId, String outcome,
                      LocalDate interventionDate, String externalReference, ChartBranch branch,
                      BillingPolicy.Presence presence, List<String> additionalServices) {
        if (bills.find(interventionId).isPresent()) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.PARIS));
        InterventionBill bill = catalogue.inForceOn(interventionDate)
                .map(version -> InterventionBill.price(interventionId, caseId, pdl, supplierId, outcome,
                        interventionDate, clock.instant(), today, externalReference,
                        BillingPolicy.codes(branch, presence, additionalServices, version), version))
                // no version in force on that date: nothing can be priced, everything is held for an operator
                .orElseGet(() -> InterventionBill.held(interventionId, caseId, pdl, supplierId, outcome,
                        interventionDate, clock.instant(), today, externalReference,
                        BillingPolicy.codes(branch, presence, additionalServices, NO_CATALOGUE)));
        bill.records().forEach(record -> events.publish(bill, record));
        try {
            bills.insert(bill);
        } catch (AlreadyStored alreadyBilled) {
            // a concurrent delivery of the same intervention billed it first: one bill only
        }
    }

    /** A catalogue that prices and names nothing: the chart's roles become {@code role:<ROLE>} codes, held. */
    private static final CatalogueVersion NO_CATALOGUE = new CatalogueVersion("none", LocalDate.MIN, List.of(), null);

    /** Bills holding lines nobody could price, for the operator. */
    public List<InterventionBill> holdingLines() {
        return bills.holdingLines();
    }

    public long heldLineCount() {
        return bills.heldLineCount();
    }

    /**
     * The operator prices a bill's held codes with the catalogue version now in force on its intervention date (after
     * publishing the missing prices). The priced lines make a supplementary bill, billed today and so in today's F15
     * and the supplier's billing flow; the codes no version prices stay held. The supplementary bill is stored
     * first under a deterministic id, so a retry after a crash finds it instead of billing twice.
     */
    public InterventionBill priceHeld(String interventionId) {
        InterventionBill held = bills.find(interventionId)
                .orElseThrow(() -> new NotFound("bill " + interventionId + " not found"));
        if (!held.isHoldingLines()) {
            throw new Conflict("bill " + interventionId + " holds no line");
        }
        CatalogueVersion version = catalogue.inForceOn(held.getInterventionDate()).orElseThrow(() -> new Conflict(
                "no catalogue version is in force on " + held.getInterventionDate() + ": publish one first"));
        List<String> priced = held.heldCodesPricedBy(version);
        if (priced.isEmpty()) {
            throw new Conflict("catalogue version " + version.id() + " prices none of " + held.getUnpricedCodes()
                    + ": publish a version that does");
        }
        InterventionBill supplement = InterventionBill.price(held.nextSupplementId(), held.getCaseId(), held.getPdl(),
                held.getSupplierId(), held.getOutcome(), held.getInterventionDate(), clock.instant(),
                LocalDate.now(clock.withZone(BusinessCalendar.PARIS)), held.getExternalReference(),
                priced.stream().map(code -> InterventionBill.realCode(code, version)).toList(), version);
        supplement.records().forEach(record -> events.publish(supplement, record));
        try {
            bills.insert(supplement);
        } catch (AlreadyStored pricedBeforeACrash) {
            // the supplementary bill was stored by an attempt that died before updating the held bill
        }
        return bills.retrying(() -> {
            InterventionBill fresh = bills.find(interventionId).orElseThrow();
            if (fresh.getSupplements().contains(supplement.getId())) {
                return fresh;
            }
            fresh.heldPricedIn(supplement.getId(), priced);
            return bills.update(fresh);
        });
    }

    public List<InterventionBill> billsOf(String supplierId, String caseId) {
        return bills.billsOf(supplierId, caseId);
    }
}
