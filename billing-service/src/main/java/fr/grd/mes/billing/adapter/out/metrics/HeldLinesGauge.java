package fr.grd.mes.billing.adapter.out.metrics;

import fr.grd.mes.billing.application.Billing;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code mes_billing_lines_held}: codes of interventions that could not be priced (no catalogue version in force, or
 * one that does not price them), held for an operator — never dropped. Recounted from the store every period.
 */
@Component
public class HeldLinesGauge {
    private final Billing billing;
    private final AtomicLong held = new AtomicLong();

    public HeldLinesGauge(Billing billing, MeterRegistry registry) {
        this.billing = billing;
        Gauge.builder("mes.billing.lines.held", held, AtomicLong::get)
                .description("codes of interventions held unpriced for an operator (GET /api/v1/bills/held)")
                .register(registry);
    }

    @Scheduled(fixedDelayString = "${mes.metrics.period:PT15S}")
    public void recount() {
        held.set(billing.heldLineCount());
    }
}
