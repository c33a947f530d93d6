package fr.grd.mes.contract.application;

import fr.grd.mes.contract.domain.Address;
import fr.grd.mes.contract.domain.DeliveryPoint;
import fr.grd.mes.events.ContractualRecord;
import fr.grd.mes.events.EventEnvelope;
import fr.grd.mes.events.InterventionCompleted;
import fr.grd.mes.events.SupplyState;
import fr.grd.mes.support.port.EventPublisher;
import fr.grd.mes.support.outcome.NotFound;
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
    private final DeliveryPointRepository points;
    private final EventPublisher events;
    private final Clock clock;

    public DeliveryPointReferential(DeliveryPointRepository points, EventPublisher events, Clock clock) {
        this.points = points;
        this.events = events;
        this.clock = clock;
    }

    public record LoadCommand(Address address, String zone, SupplyState supplyState, String meterType,
                              String currentSupplierId) {
    }

    public DeliveryPoint load(String pdl, LoadCommand command) {
        return points.retrying(() -> {
            Optional<DeliveryPoint> existing = find(pdl);
            DeliveryPoint point = existing.orElseGet(() -> DeliveryPoint.register(pdl));
            var changed = point.load(command.address(), command.zone(), command.supplyState(), command.meterType(),
                    command.currentSupplierId(), clock.instant());
            events.publish(point, changed);
            return existing.isPresent() ? points.update(point) : points.insert(point);
        });
    }

    public Optional<DeliveryPoint> find(String pdl) {
        return points.find(pdl);
    }

    public DeliveryPoint get(String pdl) {
        return find(pdl).orElseThrow(() -> new NotFound("unknown delivery point " + pdl));
    }

    /** InterventionCompleted → supply ALIM, perimeter entry, contractual record to the supplier. */
    public void onInterventionCompleted(EventEnvelope<?> envelope, InterventionCompleted done) {
        points.retrying(() -> {
            DeliveryPoint point = get(done.pdl());
            if (point.hasApplied(envelope.eventId())) {
                return point;
            }
            point.markApplied(envelope.eventId());
            Optional<ContractualRecord> record = point.enterPerimeter(done, clock.instant());
            record.ifPresent(r -> {
                events.publish(point, point.snapshot());
                events.publish(point, r);
            });
            return points.update(point);
        });
    }
}
