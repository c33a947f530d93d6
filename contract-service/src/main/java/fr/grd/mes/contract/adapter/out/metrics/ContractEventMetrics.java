package fr.grd.mes.contract.adapter.out.metrics;

import fr.grd.mes.events.AmendmentAccepted;
import fr.grd.mes.events.AmendmentExpired;
import fr.grd.mes.events.AmendmentIssued;
import fr.grd.mes.events.AmendmentVoided;
import fr.grd.mes.events.ConnectionAgreementOverdue;
import fr.grd.mes.events.EventTypes;
import fr.grd.mes.support.json.EventJson;
import fr.grd.mes.support.metrics.PublishedEvents;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** The amendments' lifecycle events by type, counted as they are published. */
@Component
public class ContractEventMetrics extends PublishedEvents {
    public ContractEventMetrics(MeterRegistry registry, EventJson json) {
        super(registry, json);
    }

    @Override
    protected void business(Object event) {
        if (event instanceof AmendmentIssued || event instanceof AmendmentAccepted || event instanceof AmendmentExpired
                || event instanceof AmendmentVoided || event instanceof ConnectionAgreementOverdue
                || event instanceof fr.grd.mes.events.AmendmentBalanceInvoiced
                || event instanceof fr.grd.mes.events.AmendmentBalanceReminder
                || event instanceof fr.grd.mes.events.AmendmentBalanceOverdue) {
            count("mes.amendment.events", "event_type", EventTypes.typeOf(event.getClass()));
        }
    }
}
