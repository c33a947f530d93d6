package fr.grd.mes.scheduling.adapter.in.kafka;

import fr.grd.mes.events.EventEnvelope;
import fr.grd.mes.events.ExpressEscalated;
import fr.grd.mes.events.RequestCreated;
import fr.grd.mes.events.Topics;
import fr.grd.mes.scheduling.application.AppointmentBooking;
import fr.grd.mes.scheduling.application.ExpressAdvancementDesk;
import fr.grd.mes.support.json.EventJson;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** New requests are booked; express escalations open an advancement window. */
@Component
public class RequestEventsListener {
    private final AppointmentBooking booking;
    private final ExpressAdvancementDesk desk;
    private final EventJson json;

    public RequestEventsListener(AppointmentBooking booking, ExpressAdvancementDesk desk, EventJson json) {
        this.booking = booking;
        this.desk = desk;
        this.json = json;
    }

    @KafkaListener(topics = Topics.REQUESTS)
    public void on(String value) {
        EventEnvelope<Object> envelope = json.read(value);
        if (envelope.payload() instanceof RequestCreated created) {
            booking.onRequestCreated(envelope, created);
        } else if (envelope.payload() instanceof ExpressEscalated escalated) {
            desk.onExpressEscalated(envelope, escalated);
        }
    }
}
