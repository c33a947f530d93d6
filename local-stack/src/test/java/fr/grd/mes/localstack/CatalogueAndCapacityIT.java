package fr.grd.mes.localstack;

import fr.grd.mes.testsupport.Http;
import fr.grd.mes.localstack.ServiceStack.Service;
import fr.grd.mes.support.time.BusinessCalendar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dated catalogue over HTTP (the intervention date picks the version that prices it) and a request that
 * waits for capacity: no place in the horizon leaves it unscheduled until an operator adds technicians.
 */
class CatalogueAndCapacityIT {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final BusinessCalendar CALENDAR = new BusinessCalendar();
    private static TestStack stack;

    @BeforeAll
    static void stack() {
        stack = TestStack.get();
    }

    @Test
    void theInterventionDatePicksTheCatalogueVersionInForce() {
        LocalDate today = LocalDate.now(stack.clock.withZone(PARIS));
        LocalDate before = CALENDAR.addBusinessDays(today, 1);
        LocalDate effective = CALENDAR.addBusinessDays(today, 3);
        String billing = stack.services.url(Service.BILLING) + "/api/v1/catalogue";
        JsonNode current = StreamSupport.stream(Http.get(billing).body().spliterator(), false)
                .reduce((a, b) -> b).orElseThrow();
        List<Map<String, Object>> prestations = StreamSupport.stream(current.get("prestations").spliterator(), false)
                .map(p -> Map.<String, Object>of("code", p.get("code").asString(), "label", p.get("label").asString(),
                        "unitPriceExclTax", "VERIF-CPT".equals(p.get("code").asString()) ? "40.00"
                                : p.get("unitPriceExclTax").asString(),
                        "vatRate", p.get("vatRate").asString()))
                .toList();

        var bad = Http.post(billing, Map.of("effectiveFrom", effective.toString(), "prestations",
                List.of(Map.of("code", "VERIF-CPT", "label", "x", "unitPriceExclTax", "-1.00", "vatRate", "20"))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.raw()).contains("prestations[0].unitPriceExclTax");
        var created = Http.post(billing, Map.of("effectiveFrom", effective.toString(), "prestations", prestations));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(Http.post(billing, Map.of("effectiveFrom", effective.toString(), "prestations", prestations))
                .status()).isEqualTo(409);

        String zone = "ZONE-CAT";
        CaseFixture.capacity(stack, zone, before, 1, 1);
        CaseFixture.capacity(stack, zone, effective, 1, 1);
        String early = caseWithMeterCheck(zone, before);
        String late = caseWithMeterCheck(zone, effective);
        complete(early, before);
        complete(late, effective);

        assertThat(f185Price(early)).isEqualTo("35.57");
        assertThat(f185Price(late)).isEqualTo("40.00");
    }

    @Test
    void aRequestWithNoPlaceWaitsUnscheduledUntilAnOperatorAddsCapacity() {
        String zone = "ZONE-EMPTY";
        String pdl = CaseFixture.deliveryPoint(stack, zone, "COUP");
        LocalDate date = CALENDAR.addBusinessDays(LocalDate.now(stack.clock.withZone(PARIS)), 2);
        var created = Http.post(stack.services.url(Service.REQUEST) + "/api/v1/requests",
                CaseFixture.request(pdl, "FOURN-CAT", "STANDARD", date, "PM"));
        String caseId = created.body().get("caseId").asString();
        await().untilAsserted(() -> assertThat(Http.get(stack.services.url(Service.SCHEDULING)
                + "/api/v1/appointments/" + caseId + "-R1").body().get("status").asString()).isEqualTo("UNSCHEDULED"));
        // the supplier is told that no place was free (ATPL), then the case books itself when capacity is added
        assertThat(Cases.milestones(Cases.await(stack, caseId, c -> Cases.milestones(c).contains("ATPL"))))
                .containsExactly("DMTR", "DMREC", "ATPL");
        await().untilAsserted(() -> assertThat(Http.text(stack.services.url(Service.SCHEDULING) + "/actuator/prometheus"))
                .containsPattern("mes_appointments_waiting\\{[^}]*} [1-9]").contains("mes_appointments_unschedulable_total"));

        CaseFixture.capacity(stack, zone, date, 0, 1);
        JsonNode planned = Cases.await(stack, caseId, c -> Cases.milestones(c).contains("INPL"));
        assertThat(planned.get("appointment").get("date").asString()).isEqualTo(date.toString());
        assertThat(planned.get("appointment").get("slot").asString()).isEqualTo("PM");
    }

    private String caseWithMeterCheck(String zone, LocalDate date) {
        String pdl = CaseFixture.deliveryPoint(stack, zone, "COUP");
        Map<String, Object> body = CaseFixture.request(pdl, "FOURN-CAT", "STANDARD", date, "AM");
        body.put("additionalServices", List.of("VERIF-CPT"));
        var created = Http.post(stack.services.url(Service.REQUEST) + "/api/v1/requests", body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String caseId = created.body().get("caseId").asString();
        Cases.await(stack, caseId, c -> Cases.milestones(c).contains("INPL"));
        return caseId;
    }

    private void complete(String caseId, LocalDate date) {
        stack.clock.advanceTo(date.atTime(11, 0).atZone(PARIS).toInstant());
        var outcome = Http.post(stack.services.url(Service.SCHEDULING) + "/api/v1/appointments/" + caseId
                + "-R1/outcome", Map.of("result", "COMPLETED", "meterIndex", 1));
        assertThat(outcome.status()).as(outcome.raw()).isEqualTo(200);
    }

    private String f185Price(String caseId) {
        String[] price = new String[1];
        await().until(() -> {
            var lines = Http.get(stack.services.url(Service.BILLING) + "/api/v1/suppliers/FOURN-CAT/billing-lines?caseId="
                    + caseId).body();
            price[0] = StreamSupport.stream(lines.spliterator(), false)
                    .filter(l -> "VERIF-CPT".equals(l.get("prestationCode").asString()))
                    .map(l -> l.get("unitPriceExclTax").asString()).findFirst().orElse(null);
            return price[0] != null;
        });
        return price[0];
    }
}
