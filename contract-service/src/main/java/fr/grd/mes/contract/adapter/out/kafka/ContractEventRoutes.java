package fr.grd.mes.contract.adapter.out.kafka;

import fr.grd.mes.contract.domain.DeliveryPoint;
import fr.grd.mes.contract.domain.amendment.Amendment;
import fr.grd.mes.contract.domain.supplier.Supplier;
import fr.grd.mes.events.AmendmentAccepted;
import fr.grd.mes.events.AmendmentExpired;
import fr.grd.mes.events.AmendmentIssued;
import fr.grd.mes.events.AmendmentVoided;
import fr.grd.mes.events.ConnectionAgreementOverdue;
import fr.grd.mes.events.ContractualRecord;
import fr.grd.mes.events.DeliveryPointChanged;
import fr.grd.mes.events.SupplierRegistered;
import fr.grd.mes.events.Topics;
import fr.grd.mes.support.outbox.EventRoutes;
import fr.grd.mes.support.outbox.EventRoutes.Route;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where contract-service's events go: the referential's changes on the compacted {@code ref.delivery-points}
 * and {@code ref.suppliers} (keyed by PdL and supplier id, so compaction keeps the latest), the supplier's
 * contractual flow (keyed by PdL, correlated with the case), the amendments' lifecycle on
 * {@code contract.amendments} (keyed by amendment number).
 */
@Configuration(proxyBeanMethods = false)
public class ContractEventRoutes {
    @Bean
    public EventRoutes contractRoutes() {
        return table();
    }

    public static EventRoutes table() {
        return EventRoutes.builder()
                .route(DeliveryPoint.class, DeliveryPointChanged.class, (point, changed) -> new Route(
                        Topics.DELIVERY_POINTS, point.getId(), point.caseOfLatestChange().orElse(point.getId()),
                        changed.currentSupplierId()))
                .route(DeliveryPoint.class, ContractualRecord.class, (point, record) -> new Route(
                        Topics.contractual(record.supplierId()), point.getId(), record.caseId(), record.supplierId()))
                .route(Supplier.class, SupplierRegistered.class,
                        (supplier, registered) -> Route.of(Topics.SUPPLIERS, supplier.getId(), supplier.getId()))
                .route(Amendment.class, AmendmentIssued.class, ContractEventRoutes::amendments)
                .route(Amendment.class, AmendmentAccepted.class, ContractEventRoutes::amendments)
                .route(Amendment.class, AmendmentVoided.class, ContractEventRoutes::amendments)
                .route(Amendment.class, AmendmentExpired.class, ContractEventRoutes::amendments)
                .route(Amendment.class, ConnectionAgreementOverdue.class, ContractEventRoutes::amendments)
                .route(Amendment.class, fr.grd.mes.events.AmendmentBalanceInvoiced.class, ContractEventRoutes::amendments)
                .route(Amendment.class, fr.grd.mes.events.AmendmentBalanceReminder.class, ContractEventRoutes::amendments)
                .route(Amendment.class, fr.grd.mes.events.AmendmentBalanceOverdue.class, ContractEventRoutes::amendments)
                .build();
    }

    private static Route amendments(Amendment amendment, Object event) {
        return Route.of(Topics.AMENDMENTS, amendment.getId(), null);
    }
}
