package fr.grd.mes.scheduling.component;

import fr.grd.mes.events.AppointmentBooked;
import fr.grd.mes.events.AppointmentKind;
import fr.grd.mes.events.EventEnvelope;
import fr.grd.mes.events.EventTypes;
import fr.grd.mes.events.InterventionCompleted;
import fr.grd.mes.events.RequestCreated;
import fr.grd.mes.events.Slot;
import fr.grd.mes.events.SupplyState;
import fr.grd.mes.events.Topics;
import fr.grd.mes.events.Version;
import fr.grd.mes.scheduling.SchedulingServiceApplication;
import fr.grd.mes.testsupport.ComponentStack;
import fr.grd.mes.testsupport.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * scheduling-service alone on a real broker and store: capacity over HTTP (operator), requests in as
 * request-service publishes them; out, the appointment booked in the charge table and, on the appointment date,
 * the technician's outcome as InterventionCompleted — and a redelivered request booking nothing twice.
 */
class SchedulingComponentIT {
    private static final LocalDate THURSDAY = LocalDate.of(2026, 12, 3);
    private static ComponentStack stack;

    @BeforeAll
    static void start() {
        stack = ComponentStack.start(SchedulingServiceApplication::builder, "mes_scheduling");
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static RequestCreated request(String caseId, String zone) {
        return new RequestCreated(caseId, "09333333333333", "FOURN-COMP", Version.EXPRESS, zone, SupplyState.COUP,
                "Client", "0600000000", THURSDAY, Slot.AM, List.of(), "REF-" + caseId, ComponentStack.START, THURSDAY,
                LocalDate.of(2026, 12, 8), null);
    }

    @Test
    void aRequestIsBookedOnceInTheChargeTableThenCompletedOnItsDate() {
        var capacity = Http.put(stack.url() + "/api/v1/capacity/ZS1/" + THURSDAY, Map.of("am", 1, "pm", 0));
        assertThat(capacity.status()).as(capacity.raw()).isEqualTo(200);
        EventEnvelope<Object> created = stack.publish(Topics.REQUESTS, "CS-1", EventTypes.REQUEST_CREATED,
                request("CS-1", "ZS1"));
        stack.publish(Topics.REQUESTS, "CS-1", created);

        List<EventEnvelope<Object>> booked = stack.events(Topics.APPOINTMENTS, "CS-1", 1);
        assertThat(booked).singleElement().satisfies(e -> {
            AppointmentBooked appointment = (AppointmentBooked) e.payload();
            assertThat(appointment.date()).isEqualTo(THURSDAY);
            assertThat(appointment.kind()).isEqualTo(AppointmentKind.REQUESTED);
            assertThat(appointment.withinExpressDeadline()).isTrue();
        });
        stack.awaitConsumed("scheduling-service", Topics.REQUESTS);
        var slots = Http.get(stack.url() + "/api/v1/slots?zone=ZS1&from=" + THURSDAY + "&to=" + THURSDAY);
        assertThat(slots.raw()).as("the redelivered request holds no second place").contains("\"booked\":1");

        String appointmentId = ((AppointmentBooked) booked.get(0).payload()).appointmentId();
        stack.clock.advanceTo(Instant.parse("2026-12-03T09:00:00Z"));
        var outcome = Http.post(stack.url() + "/api/v1/appointments/" + appointmentId + "/outcome",
                Map.of("result", "COMPLETED", "meterIndex", 42_137));
        assertThat(outcome.status()).as(outcome.raw()).isEqualTo(200);
        assertThat(stack.eventTypes(Topics.INTERVENTIONS, "CS-1", 1)).containsExactly(EventTypes.INTERVENTION_COMPLETED);
        assertThat(((InterventionCompleted) stack.events(Topics.INTERVENTIONS, "CS-1", 1).get(0).payload())
                .meterIndex()).isEqualTo(42_137);
        assertThat(stack.eventTypes(Topics.APPOINTMENTS, "CS-1", 1)).as("no other appointment event")
                .containsExactly(EventTypes.APPOINTMENT_BOOKED);
    }
}
