package fr.grd.mes.billing.application;

import fr.grd.mes.billing.domain.BillingPolicy;
import fr.grd.mes.billing.domain.CatalogueVersion;
import fr.grd.mes.billing.domain.InterventionBill;
import fr.grd.mes.events.ChartBranch;
import fr.grd.mes.events.ClientAbsent;
import fr.grd.mes.events.EventEnvelope;
import fr.grd.mes.events.InterventionCompleted;
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
        CatalogueVersion version = catalogue.inForceOn(interventionDate).orElseThrow(() ->
                new IllegalStateException("no catalogue version in force on " + interventionDate));
        List<String> codes = BillingPolicy.codes(branch, presence, additionalServices, version);
        InterventionBill bill = InterventionBill.price(interventionId, caseId, pdl, supplierId, outcome,
                interventionDate, clock.instant(), LocalDate.now(clock.withZone(BusinessCalendar.PARIS)),
                externalReference, codes, version);
        bill.records().forEach(record -> events.publish(bill, record));
        try {
            bills.insert(bill);
        } catch (AlreadyStored alreadyBilled) {
            // a concurrent delivery of the same intervention billed it first: one bill only
        }
    }

    public List<InterventionBill> billsOf(String supplierId, String caseId) {
        return bills.billsOf(supplierId, caseId);
    }
}
