package fr.grd.mes.contract.application;

import fr.grd.mes.contract.domain.Address;
import fr.grd.mes.contract.domain.DeliveryPoint;
import fr.grd.mes.events.ContractualRecord;
import fr.grd.mes.events.EventEnvelope;
import fr.grd.mes.events.EventTypes;
import fr.grd.mes.events.InterventionCompleted;
import fr.grd.mes.events.SupplyState;
import fr.grd.mes.events.Topics;
import fr.grd.mes.support.mongo.AggregateStore;
import fr.grd.mes.support.outbox.OutboxWriter;
import fr.grd.mes.support.web.NotFoundException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.Optional;

/**
 * Use cases of the delivery-point referential: operators load PdLs; a completed intervention restores the
 * supply and enters the PdL into the supplier's perimeter. Each change and its events (DeliveryPointChanged,
 * the supplier's contractual record) are stored in one document write.
 */
@Service
public class DeliveryPointReferential {
    public static final String COLLECTION = "delivery_points";

    private final AggregateStore store;
    private final OutboxWriter outbox;
    private final Clock clock;

    public DeliveryPointReferential(AggregateStore store, OutboxWriter outbox, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record LoadCommand(Address address, String zone, SupplyState supplyState, String meterType,
                              String currentSupplierId) {
    }

    public DeliveryPoint load(String pdl, LoadCommand command) {
        return store.retrying(() -> {
            Optional<DeliveryPoint> existing = find(pdl);
            DeliveryPoint point = existing.orElseGet(() -> DeliveryPoint.register(pdl));
            var changed = point.load(command.address(), command.zone(), command.supplyState(), command.meterType(),
                    command.currentSupplierId(), clock.instant());
            outbox.append(point, Topics.DELIVERY_POINTS, EventTypes.DELIVERY_POINT_CHANGED, pdl, pdl,
                    command.currentSupplierId(), changed);
            return existing.isPresent() ? store.update(point, COLLECTION) : store.insert(point, COLLECTION);
        });
    }

    public Optional<DeliveryPoint> find(String pdl) {
        return store.find(pdl, DeliveryPoint.class, COLLECTION);
    }

    public DeliveryPoint get(String pdl) {
        return find(pdl).orElseThrow(() -> new NotFoundException("unknown delivery point " + pdl));
    }

    /** InterventionCompleted → supply ALIM, perimeter entry, contractual record to the supplier. */
    public void onInterventionCompleted(EventEnvelope<?> envelope, InterventionCompleted done) {
        store.retrying(() -> {
            DeliveryPoint point = get(done.pdl());
            if (point.hasApplied(envelope.eventId())) {
                return point;
            }
            point.markApplied(envelope.eventId());
            Optional<ContractualRecord> record = point.enterPerimeter(done, clock.instant());
            record.ifPresent(r -> {
                outbox.append(point, Topics.DELIVERY_POINTS, EventTypes.DELIVERY_POINT_CHANGED, point.getId(),
                        done.caseId(), done.supplierId(), point.snapshot());
                outbox.append(point, Topics.contractual(done.supplierId()), EventTypes.CONTRACTUAL_RECORD,
                        point.getId(), done.caseId(), done.supplierId(), r);
            });
            return store.update(point, COLLECTION);
        });
    }
}
