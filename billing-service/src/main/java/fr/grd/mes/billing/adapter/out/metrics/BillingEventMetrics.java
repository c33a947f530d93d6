package fr.grd.mes.billing.adapter.out.metrics;

import fr.grd.mes.events.BillingRecord;
import fr.grd.mes.support.json.EventJson;
import fr.grd.mes.support.metrics.PublishedEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Amounts billed (excl. tax) by prestation code, counted as the billing records are published. */
@Component
public class BillingEventMetrics extends PublishedEvents {
    public BillingEventMetrics(MeterRegistry registry, EventJson json) {
        super(registry, json);
    }

    @Override
    protected void business(Object event) {
        if (event instanceof BillingRecord record) {
            Counter.builder("mes.billed.amount.excl.tax").baseUnit("euros").tag("code", tag(record.prestationCode()))
                    .register(registry).increment(record.amountExclTax().doubleValue());
        }
    }
}
