package fr.grd.mes.localstack;

import fr.grd.mes.localstack.ServiceStack.Service;
import fr.grd.mes.support.time.BusinessCalendar;
import fr.grd.mes.testsupport.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Coupled booking ("rendez-vous pris par couplage") through real HTTP, Kafka and the store: a supplier holds a place
 * of the charge table, its request names the hold and is booked on exactly that place; a place that is gone is
 * refused at submission with 409 and the free places; 64 parallel holds on 3 places make exactly 3 holds.
 */
class CoupledBookingIT {
    private static final String SUPPLIER = "FOURN-HOLD";
    private static TestStack stack;
    private static String supplierToken;
    private static LocalDate day;

    @BeforeAll
    static void stack() {
        stack = TestStack.get();
        supplierToken = stack.issuer.mint("hold-user", List.of("SUPPLIER"), SUPPLIER, Duration.ofHours(12));
        day = new BusinessCalendar().addBusinessDays(LocalDate.now(stack.clock.withZone(ZoneId.of("Europe/Paris"))), 2);
    }

    private static String url(Service service, String path) {
        return stack.services.url(service) + path;
    }

    private static fr.grd.mes.client.Reply hold(String zone, String pdl, LocalDate date, String slot, String token) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (pdl != null) {
            body.put("pdl", pdl);
        } else {
            body.put("zone", zone);
        }
        body.put("date", date.toString());
        body.put("slot", slot);
        return Http.post(url(Service.SCHEDULING, "/api/v1/holds"), body, token);
    }

    private static Map<String, Object> requestWithHold(String pdl, LocalDate date, String slot, String holdId) {
        Map<String, Object> request = CaseFixture.request(pdl, SUPPLIER, "EXPRESS", date, slot);
        request.put("appointment", Map.of("date", date.toString(), "slot", slot, "holdId", holdId));
        return request;
    }

    private static int booked(String zone, LocalDate date, String slot) {
        JsonNode slots = Http.get(url(Service.SCHEDULING, "/api/v1/slots?zone=" + zone + "&from=" + date + "&to=" + date))
                .body();
        for (JsonNode s : slots) {
            if (s.get("slot").asString().equals(slot)) {
                return s.get("booked").asInt();
            }
        }
        return 0;
    }

    @Test
    void theRequestNamingAHoldIsBookedOnExactlyThatPlace() {
        String zone = "ZONE-HOLD1";
        CaseFixture.capacity(stack, zone, day, 1, 1);
        String pdl = CaseFixture.deliveryPoint(stack, zone, "COUP");
        var held = hold(null, pdl, day, "PM", supplierToken);
        assertThat(held.status()).as(held.raw()).isEqualTo(201);
        assertThat(held.body().get("zone").asString()).as("the PdL's zone").isEqualTo(zone);
        String holdId = held.body().get("holdId").asString();
        assertThat(booked(zone, day, "PM")).as("the hold takes its place from capacity").isEqualTo(1);

        var created = Http.post(url(Service.REQUEST, "/api/v1/requests"), requestWithHold(pdl, day, "PM", holdId),
                supplierToken);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String caseId = created.body().get("caseId").asString();

        JsonNode booked = await().until(() -> Http.get(url(Service.REQUEST, "/api/v1/cases/" + caseId), supplierToken)
                .body(), c -> c.get("appointment") != null && !c.get("appointment").isNull());
        assertThat(booked.get("appointment").get("date").asString()).isEqualTo(day.toString());
        assertThat(booked.get("appointment").get("slot").asString()).isEqualTo("PM");
        assertThat(booked.get("requested").get("holdId").asString()).isEqualTo(holdId);
        assertThat(booked.get("branch").asString()).isEqualTo("OPTION_1");
        assertThat(booked(zone, day, "PM")).as("the hold's place became the appointment's, not a second one")
                .isEqualTo(1);
        await().until(() -> Http.get(url(Service.SCHEDULING, "/api/v1/holds/" + holdId), supplierToken).body()
                .get("status").asString(), "BOOKED"::equals);
    }

    @Test
    void aHoldAlreadyUsedIsRefusedAtSubmissionWithTheFreePlacesAndNothingIsStored() {
        String zone = "ZONE-HOLD2";
        CaseFixture.capacity(stack, zone, day, 1, 2);
        String first = CaseFixture.deliveryPoint(stack, zone, "COUP");
        String second = CaseFixture.deliveryPoint(stack, zone, "COUP");
        String holdId = hold(zone, null, day, "AM", supplierToken).body().get("holdId").asString();
        assertThat(Http.post(url(Service.REQUEST, "/api/v1/requests"), requestWithHold(first, day, "AM", holdId),
                supplierToken).status()).isEqualTo(201);

        var refused = Http.post(url(Service.REQUEST, "/api/v1/requests"), requestWithHold(second, day, "AM", holdId),
                supplierToken);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("detail").asString()).contains("already used");
        assertThat(refused.body().get("freePlaces")).anySatisfy(place -> {
            assertThat(place.get("date").asString()).isEqualTo(day.toString());
            assertThat(place.get("slot").asString()).isEqualTo("PM");
            assertThat(place.get("free").asInt()).isEqualTo(2);
        });
        var search = Http.get(url(Service.REQUEST, "/api/v1/cases?pdl=" + second), supplierToken);
        assertThat(search.body()).as("no case for the refused request").isEmpty();
    }

    @Test
    void anotherSuppliersHoldCannotBeNamedAndAFullPlaceCannotBeHeld() {
        String zone = "ZONE-HOLD3";
        CaseFixture.capacity(stack, zone, day, 1, 0);
        String pdl = CaseFixture.deliveryPoint(stack, zone, "COUP");
        String other = stack.issuer.mint("other", List.of("SUPPLIER"), "FOURN-OTHER", Duration.ofHours(1));
        String holdId = hold(zone, null, day, "AM", other).body().get("holdId").asString();

        var full = hold(zone, null, day, "AM", supplierToken);
        assertThat(full.status()).as(full.raw()).isEqualTo(409);
        assertThat(full.body().get("freePlaces").isArray()).isTrue();

        var refused = Http.post(url(Service.REQUEST, "/api/v1/requests"), requestWithHold(pdl, day, "AM", holdId),
                supplierToken);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
        assertThat(refused.raw()).doesNotContain("FOURN-OTHER");
        assertThat(Http.get(url(Service.SCHEDULING, "/api/v1/holds/" + holdId), supplierToken).status())
                .as("another supplier's hold does not exist for this one").isEqualTo(404);
    }

    @Test
    void sixtyFourParallelHoldsOnThreePlacesMakeExactlyThreeHolds() throws Exception {
        String zone = "ZONE-HOLD64";
        CaseFixture.capacity(stack, zone, day, 3, 0);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<fr.grd.mes.client.Reply>> racers = new ArrayList<>();
            // 64 suppliers racing (each its own caller: one supplier alone would meet its request rate limit first)
            for (int i = 0; i < 64; i++) {
                String racer = stack.issuer.mint("racer-" + i, List.of("SUPPLIER"), String.format("FOURN-R%02d", i),
                        Duration.ofHours(1));
                racers.add(() -> hold(zone, null, day, "AM", racer));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<fr.grd.mes.client.Reply> answer : pool.invokeAll(racers)) {
                statuses.add(answer.get().status());
            }
            assertThat(statuses).as("no other answer than 201 or 409").containsOnly(201, 409);
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(61);
        } finally {
            pool.shutdownNow();
        }
        assertThat(booked(zone, day, "AM")).isEqualTo(3);
    }

    @Test
    void thePublicApiDocsDescribeHoldsAndTheRequestsHoldAndRenewal() {
        JsonNode scheduling = Http.get(url(Service.SCHEDULING, "/v3/api-docs")).body();
        assertThat(scheduling.get("paths").has("/api/v1/holds")).isTrue();
        assertThat(scheduling.get("paths").has("/api/v1/holds/{holdId}/claim")).isTrue();
        JsonNode request = Http.get(url(Service.REQUEST, "/v3/api-docs")).body();
        JsonNode schemas = request.get("components").get("schemas");
        assertThat(schemas.get("AppointmentBody").get("properties").has("holdId")).isTrue();
        assertThat(schemas.get("CreateRequestBody").get("properties").has("renewalOf")).isTrue();
        assertThat(schemas.get("CaseView").get("properties").has("branch")).isTrue();
    }
}
