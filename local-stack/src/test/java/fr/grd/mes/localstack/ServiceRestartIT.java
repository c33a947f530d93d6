package fr.grd.mes.localstack;

import fr.grd.mes.testsupport.Http;
import fr.grd.mes.localstack.ServiceStack.Service;
import fr.grd.mes.support.time.BusinessCalendar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Services go down between steps and come back: what happened meanwhile waits in Kafka (and in the embedded
 * outboxes), so the case still completes, and the intervention is billed exactly once.
 */
class ServiceRestartIT {
    private static final String ZONE = "ZONE-RST";
    private static final String SUPPLIER = "FOURN-RST";
    private static TestStack stack;

    @BeforeAll
    static void capacity() {
        stack = TestStack.get();
        LocalDate today = LocalDate.now(stack.clock.withZone(ZoneId.of("Europe/Paris")));
        for (int day = 0; day < 20; day++) {
            CaseFixture.capacity(stack, ZONE, today.plusDays(day), 3, 3);
        }
    }

    @Test
    void caseCompletesAndIsBilledOnceWhenBillingAndRequestServicesRestartMidway() {
        String pdl = CaseFixture.deliveryPoint(stack, ZONE, "LIMI");
        LocalDate today = LocalDate.now(stack.clock.withZone(ZoneId.of("Europe/Paris")));
        LocalDate date = new BusinessCalendar().addBusinessDays(today, 1);
        var created = Http.post(stack.services.url(Service.REQUEST) + "/api/v1/requests",
                CaseFixture.request(pdl, SUPPLIER, "STANDARD", date, "PM"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String caseId = created.body().get("caseId").asString();
        JsonNode booked = awaitCase(caseId, c -> c.get("appointment") != null && !c.get("appointment").isNull());
        String appointmentId = booked.get("appointment").get("id").asString();

        stack.services.stop(Service.BILLING);
        stack.services.stop(Service.REQUEST);
        try {
            stack.clock.advanceTo(date.atTime(14, 0).atZone(ZoneId.of("Europe/Paris")).toInstant());
            var outcome = Http.post(stack.services.url(Service.SCHEDULING) + "/api/v1/appointments/" + appointmentId
                    + "/outcome", Map.of("result", "COMPLETED", "meterIndex", 777));
            assertThat(outcome.status()).as(outcome.raw()).isEqualTo(200);
            await().untilAsserted(() -> assertThat(Http.get(stack.services.url(Service.CONTRACT)
                    + "/api/v1/suppliers/" + SUPPLIER + "/perimeter/" + pdl).status()).isEqualTo(200));
        } finally {
            stack.services.start(Service.REQUEST);
            stack.services.start(Service.BILLING);
        }

        JsonNode closed = awaitCase(caseId, c -> "TERMN".equals(c.get("status").asString()));
        assertThat(closed.get("closureCode").asString()).isEqualTo("CPRE");
        await().untilAsserted(() -> {
            var lines = Http.get(stack.services.url(Service.BILLING) + "/api/v1/suppliers/" + SUPPLIER
                    + "/billing-lines?caseId=" + caseId);
            assertThat(lines.body().size()).isEqualTo(1);
            assertThat(lines.body().get(0).get("amountExclTax").asString()).isEqualTo("20.00");
        });
    }

    private static JsonNode awaitCase(String caseId, java.util.function.Predicate<JsonNode> condition) {
        return Cases.await(stack, caseId, condition);
    }
}
