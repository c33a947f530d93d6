package fr.grd.mes.localstack;

import fr.grd.mes.testsupport.Http;
import fr.grd.mes.events.Topics;
import fr.grd.mes.localstack.ServiceStack.Service;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The vertical slice of a standard "mise en service", client present, through the four services over real
 * HTTP, a real Kafka broker and the MongoDB wire protocol: request → booking → outcome → billing, perimeter
 * and closure, with every supplier record on its topic and each service's stored state.
 */
class StandardMiseEnServiceIT {
    private static final String ZONE = "ZONE-STD";
    private static final String SUPPLIER = "FOURN-STD";
    private static TestStack stack;

    @BeforeAll
    static void startStack() {
        stack = TestStack.get();
        LocalDate today = LocalDate.now(stack.clock.withZone(java.time.ZoneId.of("Europe/Paris")));
        for (int day = 0; day < 20; day++) {
            CaseFixture.capacity(stack, ZONE, today.plusDays(day), 2, 2);
        }
    }

    @Test
    void standardRequestClientPresentIsBookedCompletedBilledAtTwentyEurosAndEntersThePerimeter() {
        String pdl = CaseFixture.deliveryPoint(stack, ZONE, "COUP");
        LocalDate today = LocalDate.now(stack.clock.withZone(java.time.ZoneId.of("Europe/Paris")));
        LocalDate date = new fr.grd.mes.support.time.BusinessCalendar().addBusinessDays(today, 2);
        try (SupplierFlows flows = new SupplierFlows(stack.kafkaBootstrap, SUPPLIER)) {
            // 1. the portal's request
            var created = Http.post(stack.services.url(Service.REQUEST) + "/api/v1/requests",
                    CaseFixture.request(pdl, SUPPLIER, "STANDARD", date, "AM"));
            assertThat(created.status()).as(created.raw()).isEqualTo(201);
            String caseId = created.body().get("caseId").asString();
            assertThat(caseId).matches("[0-9A-Z]{8}");

            // 2. booked in the charge table, INPL on the case
            JsonNode booked = awaitCase(caseId, c -> hasMilestone(c, "INPL"));
            assertThat(milestoneCodes(booked)).containsExactly("DMTR", "DMREC", "INPL");
            assertThat(booked.get("appointment").get("date").asString()).isEqualTo(date.toString());
            assertThat(booked.get("appointment").get("slot").asString()).isEqualTo("AM");
            assertThat(booked.get("appointment").get("kind").asString()).isEqualTo("REQUESTED");
            assertThat(booked.get("status").asString()).isEqualTo("COURS");
            String appointmentId = booked.get("appointment").get("id").asString();

            // 3. the technician's outcome on the appointment date
            stack.clock.advanceTo(date.atTime(9, 0).atZone(java.time.ZoneId.of("Europe/Paris")).toInstant());
            var outcome = Http.post(stack.services.url(Service.SCHEDULING) + "/api/v1/appointments/" + appointmentId
                    + "/outcome", Map.of("result", "COMPLETED", "meterIndex", 42_137));
            assertThat(outcome.status()).as(outcome.raw()).isEqualTo(200);

            // 6. closed CPRE with the effective date
            JsonNode closed = awaitCase(caseId, c -> "TERMN".equals(c.get("status").asString()));
            assertThat(milestoneCodes(closed)).containsExactly("DMTR", "DMREC", "INPL", "CPRE");
            assertThat(closed.get("closureCode").asString()).isEqualTo("CPRE");
            assertThat(closed.get("outcome").get("effectiveInterventionDate").asString()).isEqualTo(date.toString());

            // 4. billed once: 20.00 HT + 4.00 VAT = 24.00 TTC
            var lines = awaitBillingLines(caseId, 1);
            JsonNode line = lines.get(0);
            assertThat(line.get("prestationCode").asString()).isEqualTo("F120B");
            assertThat(line.get("amountExclTax").asString()).isEqualTo("20.00");
            assertThat(line.get("vatRate").asString()).isEqualTo("20.00");
            assertThat(line.get("vatAmount").asString()).isEqualTo("4.00");
            assertThat(line.get("amountInclTax").asString()).isEqualTo("24.00");

            // 5. the PdL entered the supplier's perimeter with the index, supply restored
            await().untilAsserted(() -> {
                var perimeter = Http.get(stack.services.url(Service.CONTRACT) + "/api/v1/suppliers/" + SUPPLIER
                        + "/perimeter/" + pdl);
                assertThat(perimeter.status()).isEqualTo(200);
                assertThat(perimeter.body().get("meterIndex").asLong()).isEqualTo(42_137);
                assertThat(perimeter.body().get("from").asString()).isEqualTo(date.toString());
                assertThat(perimeter.body().get("supplyState").asString()).isEqualTo("ALIM");
            });

            // each service's state as its own API shows it (no test reads another service's database)
            var appointment = Http.get(stack.services.url(Service.SCHEDULING) + "/api/v1/appointments/" + appointmentId);
            assertThat(appointment.status()).isEqualTo(200);
            assertThat(appointment.body().get("status").asString()).isEqualTo("COMPLETED");
            var point = Http.get(stack.services.url(Service.CONTRACT) + "/api/v1/delivery-points/" + pdl);
            assertThat(point.status()).isEqualTo(200);
            assertThat(point.body().get("supplyState").asString()).isEqualTo("ALIM");
            assertThat(point.body().get("currentSupplierId").asString()).isEqualTo(SUPPLIER);
            assertThat(awaitBillingLines(caseId, 1)).as("billed once").hasSize(1);

            // operations see the business in Prometheus
            await().untilAsserted(() -> {
                String billingMetrics = Http.text(stack.services.url(Service.BILLING) + "/actuator/prometheus");
                assertThat(billingMetrics).containsPattern(
                        "mes_billed_amount_excl_tax_euros_total\\{code=\"F120B\",env=\"local\",service=\"billing-service\"}");
                String requestMetrics = Http.text(stack.services.url(Service.REQUEST) + "/actuator/prometheus");
                assertThat(requestMetrics).contains("mes_requests_total{env=\"local\",service=\"request-service\",version=\"STANDARD\"}");
                assertThat(requestMetrics).contains("http_server_requests_seconds_count");
            });
            for (Service service : Service.values()) {
                var apiDocs = Http.get(stack.services.url(service) + "/v3/api-docs");
                assertThat(apiDocs.status()).as(service + " OpenAPI").isEqualTo(200);
                assertThat(apiDocs.body().get("paths").size()).isPositive();
            }

            // 7. the supplier's three flows
            await().untilAsserted(() -> {
                List<JsonNode> tracking = flows.payloads(Topics.tracking(SUPPLIER), caseId);
                assertThat(tracking).isNotEmpty();
                JsonNode last = tracking.get(tracking.size() - 1);
                assertThat(last.get("status").asString()).isEqualTo("TERMN");
                assertThat(last.get("effectiveInterventionDate").asString()).isEqualTo(date.toString());
                assertThat(StreamSupport.stream(last.get("milestones").spliterator(), false)
                        .map(m -> m.get("code").asString()).toList()).containsExactly("DMTR", "DMREC", "INPL", "CPRE");
                List<JsonNode> contractual = flows.payloads(Topics.contractual(SUPPLIER), pdl);
                assertThat(contractual).hasSize(1);
                assertThat(contractual.get(0).get("meterIndex").asLong()).isEqualTo(42_137);
                assertThat(contractual.get(0).get("eventNature").asString()).isEqualTo("MES");
                assertThat(contractual.get(0).get("supplyState").asString()).isEqualTo("ALIM");
                List<JsonNode> billing = flows.payloads(Topics.billing(SUPPLIER), caseId);
                assertThat(billing).hasSize(1);
                assertThat(billing.get(0).get("amountExclTax").asString()).isEqualTo("20.00");
            });
        }
    }

    static JsonNode awaitCase(String caseId, java.util.function.Predicate<JsonNode> condition) {
        return Cases.await(stack, caseId, condition);
    }

    static List<JsonNode> awaitBillingLines(String caseId, int count) {
        @SuppressWarnings("unchecked")
        List<JsonNode>[] holder = new List[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var response = Http.get(stack.services.url(Service.BILLING) + "/api/v1/suppliers/" + SUPPLIER
                    + "/billing-lines?caseId=" + caseId);
            holder[0] = response.status() == 200 ? StreamSupport.stream(response.body().spliterator(), false).toList()
                    : List.of();
            return holder[0].size() >= count;
        });
        return holder[0];
    }

    static boolean hasMilestone(JsonNode c, String code) {
        return Cases.milestones(c).contains(code);
    }

    static List<String> milestoneCodes(JsonNode c) {
        return Cases.milestones(c);
    }
}
