package fr.grd.mes.scheduling.adapter.out.metrics;

import fr.grd.mes.events.AppointmentAdvanced;
import fr.grd.mes.events.AppointmentBooked;
import fr.grd.mes.events.AppointmentMaintained;
import fr.grd.mes.events.ClientAbsent;
import fr.grd.mes.events.InterventionCompleted;
import fr.grd.mes.support.json.EventJson;
import fr.grd.mes.support.metrics.PublishedEvents;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Appointments by kind and whether they met the express deadline, express advancements advanced or maintained
 * (and why), interventions completed or with the client absent: counted as they are published.
 */
@Component
public class SchedulingEventMetrics extends PublishedEvents {
    public SchedulingEventMetrics(MeterRegistry registry, EventJson json) {
        super(registry, json);
    }

    @Override
    protected void business(Object event) {
        if (event instanceof AppointmentBooked booked) {
            count("mes.appointments.booked", "kind", tag(booked.kind()),
                    "within_express_deadline", tag(booked.withinExpressDeadline()));
        } else if (event instanceof fr.grd.mes.events.AppointmentUnschedulable) {
            count("mes.appointments.unschedulable");
        } else if (event instanceof AppointmentAdvanced) {
            count("mes.express.advancements", "result", "advanced", "reason", "CLIENT_AGREED");
        } else if (event instanceof AppointmentMaintained maintained) {
            count("mes.express.advancements", "result", "maintained", "reason", tag(maintained.reason()));
        } else if (event instanceof InterventionCompleted done) {
            count("mes.interventions", "outcome", "completed", "advanced", tag(done.advanced()));
        } else if (event instanceof ClientAbsent absent) {
            count("mes.interventions", "outcome", "client_absent", "advanced", tag(absent.advanced()));
        }
    }
}
