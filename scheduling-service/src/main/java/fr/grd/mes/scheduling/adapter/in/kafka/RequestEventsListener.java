package fr.grd.mes.scheduling.adapter.in.kafka;

import fr.grd.mes.events.EventEnvelope;
import fr.grd.mes.events.ExpressEscalated;
import fr.grd.mes.events.RequestCreated;
import fr.grd.mes.events.Topics;
import fr.grd.mes.scheduling.application.AppointmentBooking;
import fr.grd.mes.scheduling.application.ExpressAdvancementDesk;
import fr.grd.mes.support.json.EventJson;
import fr.grd.mes.support.batch.RecordBatches;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * New requests are booked; express escalations open an advancement window. A poll's records are applied together
 * ({@link RecordBatches}: one unit of work, one bulk write per collection).
 */
@Component
public class RequestEventsListener {
    private final AppointmentBooking booking;
    private final ExpressAdvancementDesk desk;
    private final EventJson json;
    private final RecordBatches batches;

    public RequestEventsListener(AppointmentBooking booking, ExpressAdvancementDesk desk, EventJson json, RecordBatches batches) {
        this.batches = batches;
        this.booking = booking;
        this.desk = desk;
        this.json = json;
    }

    @KafkaListener(topics = Topics.REQUESTS, batch = "true")
    public void on(List<ConsumerRecord<String, String>> records) {
        batches.apply(records, record -> on(record.value()));
    }

    public void on(String value) {
        EventEnvelope<Object> envelope = json.read(value);
        if (envelope.payload() instanceof RequestCreated created) {
            booking.onRequestCreated(envelope, created);
        } else if (envelope.payload() instanceof ExpressEscalated escalated) {
            desk.onExpressEscalated(envelope, escalated);
        }
    }
}
