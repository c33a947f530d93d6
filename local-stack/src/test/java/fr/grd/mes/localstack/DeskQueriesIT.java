package fr.grd.mes.localstack;

import fr.grd.mes.testsupport.Http;
import fr.grd.mes.contract.domain.amendment.AmendmentFixture;
import fr.grd.mes.localstack.ServiceStack.Service;
import fr.grd.mes.support.time.BusinessCalendar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The read APIs behind the operator console, over real HTTP: case search by PdL and supplier reference, the
 * day's counters from dated milestones, the zones and the business-day calendar of the charge table, a zone's
 * round of the day, amendments by state — and their refusals as problem+json.
 */
class DeskQueriesIT {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final BusinessCalendar CALENDAR = new BusinessCalendar();
    private static TestStack stack;

    @BeforeAll
    static void stack() {
        stack = TestStack.get();
    }

    private static String url(Service service, String path) {
        return stack.services.url(service) + path;
    }

    private static List<JsonNode> list(fr.grd.mes.client.Reply response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return StreamSupport.stream(response.body().spliterator(), false).toList();
    }

    @Test
    void theDaysCountersFollowTheMilestonesAndTheRoundListsTheZonesAppointments() {
        LocalDate today = LocalDate.now(stack.clock.withZone(PARIS));
        LocalDate date = CALENDAR.addBusinessDays(today, 1);
        String zone = "ZONE-DESK";
        CaseFixture.capacity(stack, zone, date, 2, 0);
        JsonNode before = Http.get(url(Service.REQUEST, "/api/v1/statistics/daily?date=" + today)).body();
        String pdl = CaseFixture.deliveryPoint(stack, zone, "COUP");
        var created = Http.post(url(Service.REQUEST, "/api/v1/requests"),
                CaseFixture.request(pdl, "FOURN-DESK", "EXPRESS", date, "AM"));
        String caseId = created.body().get("caseId").asString();
        Cases.await(stack, caseId, c -> Cases.milestones(c).contains("INPL"));

        JsonNode after = Http.get(url(Service.REQUEST, "/api/v1/statistics/daily?date=" + today)).body();
        assertThat(after.get("requests").asLong()).isEqualTo(before.get("requests").asLong() + 1);
        assertThat(after.get("express").asLong()).isEqualTo(before.get("express").asLong() + 1);
        assertThat(after.get("completed").asLong()).isEqualTo(before.get("completed").asLong());
        JsonNode otherDay = Http.get(url(Service.REQUEST, "/api/v1/statistics/daily?date=" + today.minusYears(1))).body();
        assertThat(otherDay.get("requests").asLong()).isZero();

        List<JsonNode> round = list(Http.get(url(Service.SCHEDULING, "/api/v1/appointments?zone=" + zone + "&date=" + date)));
        assertThat(round).extracting(a -> a.get("caseId").asString()).containsExactly(caseId);
        assertThat(list(Http.get(url(Service.SCHEDULING, "/api/v1/appointments?zone=" + zone + "&date=" + today))))
                .isEmpty();
        assertThat(list(Http.get(url(Service.SCHEDULING, "/api/v1/zones")))).extracting(JsonNode::asString).contains(zone);

        // completed the next business day: counted on that day, not on the day of the request
        stack.clock.advanceTo(date.atTime(10, 0).atZone(PARIS).toInstant());
        JsonNode dayBefore = Http.get(url(Service.REQUEST, "/api/v1/statistics/daily?date=" + date)).body();
        assertThat(Http.post(url(Service.SCHEDULING, "/api/v1/appointments/" + caseId + "-R1/outcome"),
                java.util.Map.of("result", "COMPLETED", "meterIndex", 7)).status()).isEqualTo(200);
        await().until(() -> Http.get(url(Service.REQUEST, "/api/v1/statistics/daily?date=" + date)).body()
                .get("completed").asLong() == dayBefore.get("completed").asLong() + 1);
        assertThat(Http.get(url(Service.REQUEST, "/api/v1/statistics/daily?date=" + today)).body().get("completed")
                .asLong()).isEqualTo(after.get("completed").asLong());

        // found by its PdL and by the supplier's reference
        assertThat(list(Http.get(url(Service.REQUEST, "/api/v1/cases?pdl=" + pdl))))
                .extracting(c -> c.get("caseId").asString()).containsExactly(caseId);
        List<JsonNode> byReference = list(Http.get(url(Service.REQUEST, "/api/v1/cases?externalReference=REF-" + pdl)));
        assertThat(byReference).extracting(c -> c.get("caseId").asString()).containsExactly(caseId);
        assertThat(byReference.get(0).get("client").get("phone").asString()).isEqualTo("+33 6 12 34 56 78");
    }

    @Test
    void theCalendarNamesWeekendsAndFrenchPublicHolidays() {
        List<JsonNode> days = list(Http.get(url(Service.SCHEDULING, "/api/v1/calendar?from=2026-12-24&to=2026-12-28")));
        assertThat(days).extracting(d -> d.get("date").asString())
                .containsExactly("2026-12-24", "2026-12-25", "2026-12-26", "2026-12-27", "2026-12-28");
        assertThat(days).extracting(d -> d.get("businessDay").asBoolean()).containsExactly(true, false, false, false, true);
        assertThat(days.get(1).get("holiday").asString()).isEqualTo("Noël");
        assertThat(days.get(2).get("holiday").isNull()).isTrue();
    }

    @Test
    void badQueriesAreRefusedWithTheProblemNamed() {
        var noCriterion = Http.get(url(Service.REQUEST, "/api/v1/cases"));
        assertThat(noCriterion.status()).isEqualTo(400);
        assertThat(noCriterion.contentType()).startsWith("application/problem+json");
        assertThat(noCriterion.body().get("detail").asString()).contains("pdl");
        var badPdl = Http.get(url(Service.REQUEST, "/api/v1/cases?pdl=123&limit=0"));
        assertThat(badPdl.status()).isEqualTo(400);
        assertThat(badPdl.body().get("detail").asString()).contains("pdl: must be 14 digits").contains("limit");
        var longCalendar = Http.get(url(Service.SCHEDULING, "/api/v1/calendar?from=2026-01-01&to=2026-12-31"));
        assertThat(longCalendar.status()).isEqualTo(400);
        assertThat(longCalendar.body().get("detail").asString()).contains("92 days");
        var badZone = Http.get(url(Service.SCHEDULING, "/api/v1/appointments?zone=a%20b&date=2026-12-01"));
        assertThat(badZone.status()).isEqualTo(400);
        var badState = Http.get(url(Service.CONTRACT, "/api/v1/amendments?status=SIGNED"));
        assertThat(badState.status()).isEqualTo(400);
        assertThat(badState.body().get("detail").asString()).contains("DRAFT").contains("ISSUED");
        assertThat(Http.get(url(Service.REQUEST, "/api/v1/statistics/daily")).status()).isEqualTo(400);
    }

    @Test
    void amendmentsAreListedByState() {
        LocalDate today = LocalDate.now(stack.clock.withZone(PARIS));
        String number = "AV-DESK-" + System.nanoTime() % 1_000_000;
        assertThat(Http.post(url(Service.CONTRACT, "/api/v1/amendments"), AmendmentFixture.terms(number, today, false))
                .status()).isEqualTo(201);
        assertThat(list(Http.get(url(Service.CONTRACT, "/api/v1/amendments?status=DRAFT"))))
                .extracting(a -> a.get("id").asString()).contains(number);
        assertThat(Http.putBytes(url(Service.CONTRACT, "/api/v1/amendments/" + number + "/connection-diagram"), "image/png",
                AmendmentFixture.diagramPng()).status()).isEqualTo(200);
        assertThat(Http.post(url(Service.CONTRACT, "/api/v1/amendments/" + number + "/issue"), java.util.Map.of())
                .status()).isEqualTo(200);
        assertThat(list(Http.get(url(Service.CONTRACT, "/api/v1/amendments?status=DRAFT"))))
                .extracting(a -> a.get("id").asString()).doesNotContain(number);
        List<JsonNode> issued = list(Http.get(url(Service.CONTRACT, "/api/v1/amendments?status=issued")));
        assertThat(issued).extracting(a -> a.get("id").asString()).contains(number);
        assertThat(issued).allMatch(a -> "ISSUED".equals(a.get("status").asString()));
    }
}
