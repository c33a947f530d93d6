package fr.grd.mes.request.component;

import fr.grd.mes.events.AppointmentBooked;
import fr.grd.mes.events.AppointmentKind;
import fr.grd.mes.events.DeliveryPointChanged;
import fr.grd.mes.events.EventEnvelope;
import fr.grd.mes.events.EventTypes;
import fr.grd.mes.events.InterventionCompleted;
import fr.grd.mes.events.Slot;
import fr.grd.mes.events.SupplyState;
import fr.grd.mes.events.Topics;
import fr.grd.mes.events.TrackingRecord;
import fr.grd.mes.events.Version;
import fr.grd.mes.request.RequestServiceApplication;
import fr.grd.mes.testsupport.ComponentStack;
import fr.grd.mes.testsupport.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * request-service alone on a real broker and store: the referential's delivery point and scheduling's events in
 * (as contract- and scheduling-service publish them), the supplier's request over HTTP; out, the case's events
 * in their exact order and the supplier's tracking flow, milestone by milestone.
 */
class RequestComponentIT {
    private static final String SUPPLIER = "FOURN-COMP";
    private static final String PDL = "09222222222222";
    private static final String CONTESTED_PDL = "09222222222223";
    private static final LocalDate THURSDAY = LocalDate.of(2026, 12, 3);
    private static ComponentStack stack;

    @BeforeAll
    static void start() {
        stack = ComponentStack.start(RequestServiceApplication::builder, "mes_request");
        stack.publish(Topics.DELIVERY_POINTS, PDL, EventTypes.DELIVERY_POINT_CHANGED, new DeliveryPointChanged(PDL,
                "1 rue de la Paix", "75002", "Paris", "75102", "Z1", SupplyState.COUP, "LINKY", null, 1,
                ComponentStack.START));
        stack.publish(Topics.DELIVERY_POINTS, CONTESTED_PDL, EventTypes.DELIVERY_POINT_CHANGED,
                new DeliveryPointChanged(CONTESTED_PDL, "2 rue de la Paix", "75002", "Paris", "75102", "Z1",
                        SupplyState.LIMI, "LINKY", null, 1, ComponentStack.START));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static Map<String, Object> request() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pdl", PDL);
        body.put("supplierId", SUPPLIER);
        body.put("version", "STANDARD");
        body.put("client", Map.of("name", "Mme Claire Martin", "phone", "+33 6 12 34 56 78"));
        body.put("appointment", Map.of("date", THURSDAY.toString(), "slot", "AM"));
        body.put("additionalServices", List.of());
        body.put("externalReference", "REF-COMP");
        return body;
    }

    @Test
    void aCaseGoesFromTheRequestToItsClosureWithExactlyItsEventsAndTrackingRecords() {
        String supplierToken = stack.tokens.mint(List.of("SUPPLIER"), SUPPLIER);
        var created = await().until(() -> Http.post(stack.url() + "/api/v1/requests", request(), supplierToken),
                response -> response.status() == 201);
        String caseId = created.body().get("caseId").asString();

        stack.publish(Topics.APPOINTMENTS, caseId, EventTypes.APPOINTMENT_BOOKED, new AppointmentBooked(caseId,
                "R-" + caseId, PDL, "Z1", THURSDAY, Slot.AM, AppointmentKind.REQUESTED, THURSDAY, Slot.AM, false, fr.grd.mes.events.ChartBranch.OPTION_1));
        stack.publish(Topics.INTERVENTIONS, caseId, EventTypes.INTERVENTION_COMPLETED, new InterventionCompleted(caseId,
                "R-" + caseId, PDL, SUPPLIER, Version.STANDARD, THURSDAY, 42_137, false, List.of(), "REF-COMP", fr.grd.mes.events.ChartBranch.OPTION_1));

        assertThat(stack.eventTypes(Topics.REQUESTS, caseId, 2))
                .containsExactly(EventTypes.REQUEST_CREATED, EventTypes.CASE_CLOSED);
        List<EventEnvelope<Object>> tracking = stack.events(Topics.tracking(SUPPLIER), caseId, 3);
        assertThat(tracking).extracting(e -> ((TrackingRecord) e.payload()).milestones().stream()
                .map(TrackingRecord.Milestone::code).toList()).containsExactly(List.of("DMTR", "DMREC"),
                List.of("DMTR", "DMREC", "INPL"), List.of("DMTR", "DMREC", "INPL", "CPRE"));
        assertThat(tracking).extracting(e -> ((TrackingRecord) e.payload()).status())
                .containsExactly("COURS", "COURS", "TERMN");

        var read = Http.get(stack.url() + "/api/v1/cases/" + caseId, supplierToken);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("status").asString()).isEqualTo("TERMN");
        assertThat(read.body().get("closureCode").asString()).isEqualTo("CPRE");
    }

    /** Eight suppliers' requests on one PdL at once: the store's unique key lets exactly one case open. */
    @Test
    void concurrentRequestsOnOnePdlOpenExactlyOneCase() throws Exception {
        String supplierToken = stack.tokens.mint(List.of("SUPPLIER"), SUPPLIER);
        Map<String, Object> body = request();
        body.put("pdl", CONTESTED_PDL);
        await().until(() -> stack.database().getCollection("delivery_points")
                .countDocuments(com.mongodb.client.model.Filters.eq("_id", CONTESTED_PDL)) == 1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return Http.post(stack.url() + "/api/v1/requests", body, supplierToken).status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).as("one case, the others refused with 409").containsOnly(201, 409)
                    .filteredOn(status -> status == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(stack.database().getCollection("cases")
                .countDocuments(com.mongodb.client.model.Filters.eq("pdl", CONTESTED_PDL))).isEqualTo(1);
    }

    @Test
    void aRefusedRequestPublishesNothingAndStoresNothing() {
        Map<String, Object> body = request();
        body.put("pdl", "09999999999999");
        var refused = Http.post(stack.url() + "/api/v1/requests", body, stack.tokens.mint(List.of("SUPPLIER"), SUPPLIER));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.raw()).contains("pdl");
        assertThat(stack.database().getCollection("cases")
                .countDocuments(com.mongodb.client.model.Filters.eq("pdl", "09999999999999"))).isZero();
    }
}
