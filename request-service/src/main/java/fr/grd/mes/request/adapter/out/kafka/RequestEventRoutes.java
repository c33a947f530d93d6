package fr.grd.mes.request.adapter.out.kafka;

import fr.grd.mes.events.CaseClosed;
import fr.grd.mes.events.ExpressEscalated;
import fr.grd.mes.events.RequestCreated;
import fr.grd.mes.events.SummarySheet;
import fr.grd.mes.events.Topics;
import fr.grd.mes.events.TrackingRecord;
import fr.grd.mes.request.domain.Case;
import fr.grd.mes.support.outbox.EventRoutes;
import fr.grd.mes.support.outbox.EventRoutes.Route;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where request-service's events go: the case's own events on {@code mes.requests}, the supplier's tracking
 * and summary-sheet flows on its own topics; every record keyed by case id (one partition per case, in order).
 */
@Configuration(proxyBeanMethods = false)
public class RequestEventRoutes {
    @Bean
    public EventRoutes requestRoutes() {
        return table();
    }

    public static EventRoutes table() {
        return EventRoutes.builder()
                .route(Case.class, RequestCreated.class, (c, e) -> Route.of(Topics.REQUESTS, c.getId(), c.getSupplierId()))
                .route(Case.class, ExpressEscalated.class, (c, e) -> Route.of(Topics.REQUESTS, c.getId(), c.getSupplierId()))
                .route(Case.class, CaseClosed.class, (c, e) -> Route.of(Topics.REQUESTS, c.getId(), c.getSupplierId()))
                .route(Case.class, TrackingRecord.class,
                        (c, e) -> Route.of(Topics.tracking(c.getSupplierId()), c.getId(), c.getSupplierId()))
                .route(Case.class, SummarySheet.class,
                        (c, e) -> Route.of(Topics.summary(c.getSupplierId()), c.getId(), c.getSupplierId()))
                .build();
    }
}
