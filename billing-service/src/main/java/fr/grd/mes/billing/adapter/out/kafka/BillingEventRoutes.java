package fr.grd.mes.billing.adapter.out.kafka;

import fr.grd.mes.billing.domain.InterventionBill;
import fr.grd.mes.events.BillingRecord;
import fr.grd.mes.events.Topics;
import fr.grd.mes.support.outbox.EventRoutes;
import fr.grd.mes.support.outbox.EventRoutes.Route;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where billing-service's events go: each billing line to the supplier's billing flow, keyed by case id. */
@Configuration(proxyBeanMethods = false)
public class BillingEventRoutes {
    @Bean
    public EventRoutes billingRoutes() {
        return table();
    }

    public static EventRoutes table() {
        return EventRoutes.builder()
                .route(InterventionBill.class, BillingRecord.class,
                        (bill, record) -> Route.of(Topics.billing(bill.getSupplierId()), bill.getCaseId(),
                                bill.getSupplierId()))
                .build();
    }
}
