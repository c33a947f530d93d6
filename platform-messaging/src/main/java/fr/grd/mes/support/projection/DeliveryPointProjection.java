package fr.grd.mes.support.projection;

import fr.grd.mes.support.port.KnownDeliveryPoint;
import fr.grd.mes.events.DeliveryPointChanged;
import fr.grd.mes.events.EventEnvelope;
import fr.grd.mes.events.Topics;
import fr.grd.mes.support.json.EventJson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;

import java.util.Optional;

/**
 * Keeps the {@code delivery_points} collection of this service's own database in step with the referential:
 * a change is applied only if its revision is newer than the one held, so redeliveries and replays of the
 * compacted topic are harmless.
 */
public class DeliveryPointProjection implements fr.grd.mes.support.port.DeliveryPointDirectory {
    public static final String COLLECTION = "delivery_points";

    private final MongoTemplate mongo;
    private final EventJson json;

    public DeliveryPointProjection(MongoTemplate mongo, EventJson json) {
        this.mongo = mongo;
        this.json = json;
    }

    @KafkaListener(topics = Topics.DELIVERY_POINTS, groupId = "${spring.application.name}.delivery-points",
            properties = "auto.offset.reset=earliest")
    public void on(String value) {
        EventEnvelope<Object> envelope = json.read(value);
        if (envelope.payload() instanceof DeliveryPointChanged changed) {
            apply(changed);
        }
    }

    public void apply(DeliveryPointChanged changed) {
        Optional<KnownDeliveryPoint> held = find(changed.pdl());
        if (held.isPresent() && held.get().revision() >= changed.revision()) {
            return;
        }
        mongo.save(KnownDeliveryPoint.from(changed), COLLECTION);
    }

    @Override
    public Optional<KnownDeliveryPoint> find(String pdl) {
        return Optional.ofNullable(mongo.findById(pdl, KnownDeliveryPoint.class, COLLECTION));
    }
}
