package fr.grd.mes.scheduling.adapter.out.kafka;

import fr.grd.mes.events.AppointmentAdvanced;
import fr.grd.mes.events.AppointmentBooked;
import fr.grd.mes.events.AppointmentMaintained;
import fr.grd.mes.events.AppointmentUnschedulable;
import fr.grd.mes.events.ClientAbsent;
import fr.grd.mes.events.InterventionCompleted;
import fr.grd.mes.events.Topics;
import fr.grd.mes.scheduling.domain.Appointment;
import fr.grd.mes.support.outbox.EventRoutes;
import fr.grd.mes.support.outbox.EventRoutes.Route;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where scheduling-service's events go: appointment events on {@code mes.appointments}, intervention
 * outcomes on {@code mes.interventions}; keyed by case id, so a case's events stay in order.
 */
@Configuration(proxyBeanMethods = false)
public class SchedulingEventRoutes {
    @Bean
    public EventRoutes schedulingRoutes() {
        return table();
    }

    public static EventRoutes table() {
        return EventRoutes.builder()
                .route(Appointment.class, AppointmentBooked.class, SchedulingEventRoutes::appointments)
                .route(Appointment.class, AppointmentAdvanced.class, SchedulingEventRoutes::appointments)
                .route(Appointment.class, AppointmentMaintained.class, SchedulingEventRoutes::appointments)
                .route(Appointment.class, AppointmentUnschedulable.class, SchedulingEventRoutes::appointments)
                .route(Appointment.class, InterventionCompleted.class, SchedulingEventRoutes::interventions)
                .route(Appointment.class, ClientAbsent.class, SchedulingEventRoutes::interventions)
                .build();
    }

    private static Route appointments(Appointment a, Object event) {
        return Route.of(Topics.APPOINTMENTS, a.getCaseId(), a.getSupplierId());
    }

    private static Route interventions(Appointment a, Object event) {
        return Route.of(Topics.INTERVENTIONS, a.getCaseId(), a.getSupplierId());
    }
}
