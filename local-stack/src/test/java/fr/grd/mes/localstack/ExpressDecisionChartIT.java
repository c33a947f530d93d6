package fr.grd.mes.localstack;

import fr.grd.mes.testsupport.Http;
import fr.grd.mes.events.Topics;
import fr.grd.mes.localstack.ServiceStack.Service;
import fr.grd.mes.support.time.BusinessCalendar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every branch of the seed's decision chart ("logigramme - mise en service sur installation existante
 * version express") through HTTP and Kafka on the embedded stack, with the shared clock moved by the test:
 * appointment dates, milestones, supplier flows and billing lines to the cent.
 */
class ExpressDecisionChartIT {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final BusinessCalendar CALENDAR = new BusinessCalendar();
    private static final AtomicInteger ZONES = new AtomicInteger();
    private static TestStack stack;

    @BeforeAll
    static void stack() {
        stack = TestStack.get();
    }

    /** One scenario: its own zone, PdL and supplier, with the dates of the chart computed from "today". */
    private static final class Scenario {
        final String zone = "ZONE-X" + ZONES.incrementAndGet();
        final String supplier = "FOURN-X" + ZONES.get();
        final LocalDate today = LocalDate.now(stack.clock.withZone(PARIS));
        final LocalDate withinTwoDays = CALENDAR.addBusinessDays(today, 1);
        final LocalDate beyondTwoDays = CALENDAR.addBusinessDays(today, 4);
        final String pdl;
        String caseId;
        String appointmentId;

        Scenario(String supplyState) {
            pdl = CaseFixture.deliveryPoint(stack, zone, supplyState);
        }

        Scenario capacity(LocalDate date, int am, int pm) {
            CaseFixture.capacity(stack, zone, date, am, pm);
            return this;
        }

        JsonNode request(String version, LocalDate date, List<String> additionalServices) {
            Map<String, Object> body = CaseFixture.request(pdl, supplier, version, date, "AM");
            body.put("additionalServices", additionalServices);
            var created = Http.post(stack.services.url(Service.REQUEST) + "/api/v1/requests", body);
            assertThat(created.status()).as(created.raw()).isEqualTo(201);
            caseId = created.body().get("caseId").asString();
            JsonNode booked = awaitCase(c -> milestones(c).contains("INPL"));
            appointmentId = booked.get("appointment").get("id").asString();
            return booked;
        }

        JsonNode escalate() {
            var response = Http.post(stack.services.url(Service.REQUEST) + "/api/v1/cases/" + caseId
                    + "/express-escalation", Map.of("sgeCaseNumber", caseId, "caller", "Service client " + supplier));
            assertThat(response.status()).as(response.raw()).isEqualTo(200);
            return response.body();
        }

        JsonNode awaitProposal() {
            JsonNode[] proposal = new JsonNode[1];
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                var queue = Http.get(stack.services.url(Service.SCHEDULING) + "/api/v1/advancements?status=PROPOSED");
                proposal[0] = StreamSupport.stream(queue.body().spliterator(), false)
                        .filter(a -> a.get("appointmentId").asString().equals(appointmentId)).findFirst().orElse(null);
                return proposal[0] != null;
            });
            return proposal[0];
        }

        fr.grd.mes.client.Reply call(boolean reachable, boolean agreed) {
            return Http.post(stack.services.url(Service.SCHEDULING) + "/api/v1/appointments/" + appointmentId
                    + "/client-call", Map.of("reachable", reachable, "agreed", agreed));
        }

        void outcome(LocalDate date, String result) {
            stack.clock.advanceTo(date.atTime(10, 0).atZone(PARIS).toInstant());
            Map<String, Object> body = "COMPLETED".equals(result) ? Map.of("result", result, "meterIndex", 5_123)
                    : Map.of("result", result);
            var response = Http.post(stack.services.url(Service.SCHEDULING) + "/api/v1/appointments/"
                    + appointmentId + "/outcome", body);
            assertThat(response.status()).as(response.raw()).isEqualTo(200);
        }

        JsonNode awaitCase(java.util.function.Predicate<JsonNode> condition) {
            return Cases.await(stack, caseId, condition);
        }

        JsonNode awaitClosed(String closureCode) {
            JsonNode closed = awaitCase(c -> "TERMN".equals(c.get("status").asString()));
            assertThat(closed.get("closureCode").asString()).isEqualTo(closureCode);
            return closed;
        }

        List<JsonNode> awaitBilling(List<String> codes) {
            @SuppressWarnings("unchecked")
            List<JsonNode>[] lines = new List[1];
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                var response = Http.get(stack.services.url(Service.BILLING) + "/api/v1/suppliers/" + supplier
                        + "/billing-lines?caseId=" + caseId);
                lines[0] = StreamSupport.stream(response.body().spliterator(), false).toList();
                return !lines[0].isEmpty();
            });
            assertThat(lines[0]).extracting(l -> l.get("prestationCode").asString()).containsExactlyElementsOf(codes);
            return lines[0];
        }

        /** Seed option 2: no place within 2 business days, so a conservatory appointment beyond them. */
        JsonNode conservatory(List<String> additionalServices) {
            capacity(beyondTwoDays, 1, 0);
            return request("EXPRESS", withinTwoDays, additionalServices);
        }

        /** The client is present on {@code date}: CPRE, and the listed lines totalling {@code totalExclTax}. */
        List<JsonNode> completedAndBilled(LocalDate date, String totalExclTax, String... codes) {
            outcome(date, "COMPLETED");
            awaitClosed("CPRE");
            List<JsonNode> lines = awaitBilling(List.of(codes));
            assertThat(total(lines, "amountExclTax")).isEqualTo(totalExclTax);
            return lines;
        }

        int bookedAt(LocalDate date) {
            var slots = Http.get(stack.services.url(Service.SCHEDULING) + "/api/v1/slots?zone=" + zone + "&from=" + date
                    + "&to=" + date);
            return StreamSupport.stream(slots.body().spliterator(), false).filter(s -> "AM".equals(s.get("slot").asString()))
                    .mapToInt(s -> s.get("booked").asInt()).sum();
        }
    }

    static List<String> milestones(JsonNode c) {
        return StreamSupport.stream(c.get("milestones").spliterator(), false).map(m -> m.get("code").asString()).toList();
    }

    static String total(List<JsonNode> lines, String field) {
        return lines.stream().map(l -> new BigDecimal(l.get(field).asString())).reduce(BigDecimal.ZERO, BigDecimal::add)
                .toPlainString();
    }

    @Test
    void option1RendezVousDisponibleSousDeuxJoursOuvresClientPresentIsBilledTwentyEuros() {
        Scenario s = new Scenario("COUP");
        s.capacity(s.withinTwoDays, 1, 1);
        JsonNode booked = s.request("EXPRESS", s.withinTwoDays, List.of());
        assertThat(booked.get("appointment").get("kind").asString()).isEqualTo("REQUESTED");
        assertThat(booked.get("appointment").get("date").asString()).isEqualTo(s.withinTwoDays.toString());
        assertThat(booked.get("express").get("decision").asString()).isEqualTo("MET_AT_BOOKING");
        assertThat(booked.get("branch").asString()).isEqualTo("OPTION_1");
        assertThat(booked.get("deadlines").get("express").asString())
                .isEqualTo(CALENDAR.addBusinessDays(s.today, 2).toString());
        assertThat(booked.get("deadlines").get("standard").asString())
                .isEqualTo(CALENDAR.addBusinessDays(s.today, 5).toString());

        List<JsonNode> lines = s.completedAndBilled(s.withinTwoDays, "20.00", "F120B");
        assertThat(total(lines, "amountInclTax")).isEqualTo("24.00");
        assertThat(milestones(s.awaitClosed("CPRE"))).containsExactly("DMTR", "DMREC", "INPL", "CPRE");
    }

    @Test
    void option211RendezVousAvanceClientJoignableEtPresentIsBilledFortyFiveEurosWithASummarySheetNextDay() {
        Scenario s = new Scenario("COUP");
        JsonNode booked = s.conservatory(List.of());
        assertThat(booked.get("appointment").get("kind").asString()).isEqualTo("CONSERVATORY");
        assertThat(booked.get("appointment").get("date").asString()).isEqualTo(s.beyondTwoDays.toString());
        assertThat(booked.get("express").get("callBackPromised").asBoolean()).isTrue();
        assertThat(milestones(booked)).containsExactly("DMTR", "DMREC", "INPL", "RDVC");

        JsonNode escalated = s.escalate();
        assertThat(milestones(escalated)).endsWith("DEXP");
        // capacity added by an operator within the 2 business days: found, held and proposed to the desk
        s.capacity(s.withinTwoDays, 1, 0);
        JsonNode proposal = s.awaitProposal();
        assertThat(proposal.get("advancement").get("proposedDate").asString()).isEqualTo(s.withinTwoDays.toString());
        assertThat(Instant.parse(proposal.get("advancement").get("callBackDeadline").asString()))
                .isAfter(Instant.parse(proposal.get("advancement").get("openedAt").asString()));

        // two operators call back at the same time: one advancement
        CompletableFuture<fr.grd.mes.client.Reply> first = CompletableFuture.supplyAsync(() -> s.call(true, true));
        CompletableFuture<fr.grd.mes.client.Reply> second = CompletableFuture.supplyAsync(() -> s.call(true, true));
        List<Integer> statuses = List.of(first.join().status(), second.join().status());
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);

        JsonNode advanced = s.awaitCase(c -> milestones(c).contains("RDVA"));
        assertThat(advanced.get("appointment").get("date").asString()).isEqualTo(s.withinTwoDays.toString());
        assertThat(advanced.get("appointment").get("kind").asString()).isEqualTo("ADVANCED");
        assertThat(advanced.get("express").get("decision").asString()).isEqualTo("GRANTED");
        assertThat(milestones(advanced).stream().filter("RDVA"::equals).count()).isEqualTo(1);
        await().untilAsserted(() -> {
            assertThat(s.bookedAt(s.withinTwoDays)).isEqualTo(1);
            assertThat(s.bookedAt(s.beyondTwoDays)).isZero();
        });

        try (SupplierFlows flows = new SupplierFlows(stack.kafkaBootstrap, s.supplier)) {
            List<JsonNode> lines = s.completedAndBilled(s.withinTwoDays, "45.00", "F120B", "F120X");
            assertThat(lines.get(0).get("amountExclTax").asString()).isEqualTo("20.00");
            assertThat(lines.get(1).get("amountExclTax").asString()).isEqualTo("25.00");
            assertThat(total(lines, "amountInclTax")).isEqualTo("54.00");

            // "la fiche de synthèse de l'affaire clôturée le lendemain de l'intervention"
            assertThat(flows.payloads(Topics.summary(s.supplier), s.caseId)).isEmpty();
            stack.clock.advanceTo(s.withinTwoDays.plusDays(1).atTime(8, 0).atZone(PARIS).toInstant());
            await().untilAsserted(() -> {
                List<JsonNode> sheets = flows.payloads(Topics.summary(s.supplier), s.caseId);
                assertThat(sheets).hasSize(1);
                assertThat(sheets.get(0).get("effectiveInterventionDate").asString())
                        .isEqualTo(s.withinTwoDays.toString());
            });
        }
    }

    /**
     * Crash-safe advancement, across a real restart of scheduling-service on the real store: the state a crash between
     * the stored decision and the charge table leaves (the initial place still held, the release owed on the
     * appointment) is finished by the restarted service's first desk pass.
     */
    @Test
    void anAdvancementInterruptedBeforeTheChargeTableIsFinishedByTheRestartedService() {
        Scenario s = new Scenario("COUP");
        s.conservatory(List.of());
        s.escalate();
        s.capacity(s.withinTwoDays, 1, 0);
        s.awaitProposal();
        assertThat(s.call(true, true).status()).isEqualTo(200);
        await().untilAsserted(() -> assertThat(s.bookedAt(s.beyondTwoDays)).isZero());

        stack.services.stop(Service.SCHEDULING);
        try {
            // what the crash leaves: the decision stored with the release it owes, the initial place not yet given back
            assertThat(stack.stores.leaveAnAdvancementInterruptedBeforeTheRelease(s.appointmentId, s.zone,
                    s.withinTwoDays, s.beyondTwoDays)).as("two places held after the crash").contains(s.appointmentId);
        } finally {
            stack.services.start(Service.SCHEDULING);
        }
        await().untilAsserted(() -> {
            assertThat(s.bookedAt(s.beyondTwoDays)).as("the initial place given back").isZero();
            assertThat(s.bookedAt(s.withinTwoDays)).isEqualTo(1);
            assertThat(Http.get(stack.services.url(Service.SCHEDULING) + "/api/v1/appointments/" + s.appointmentId)
                    .body().get("date").asString()).as("the appointment at the advanced date")
                    .isEqualTo(s.withinTwoDays.toString());
        });
    }

    @Test
    void option212ClientNonJoignableKeepsTheInitialDateAndIsBilledTwentyEuros() {
        Scenario s = new Scenario("LIMI");
        s.conservatory(List.of());
        s.escalate();
        s.capacity(s.withinTwoDays, 1, 0);
        s.awaitProposal();
        assertThat(s.call(false, false).status()).isEqualTo(200);

        JsonNode maintained = s.awaitCase(c -> milestones(c).contains("RDVM"));
        assertThat(maintained.get("appointment").get("date").asString()).isEqualTo(s.beyondTwoDays.toString());
        assertThat(maintained.get("express").get("decision").asString()).isEqualTo("NOT_GRANTED");
        assertThat(maintained.get("branch").asString()).isEqualTo("OPTION_2_1_2_CLIENT_UNREACHABLE");
        assertThat(maintained.get("deadlines").get("appointmentPastDeadline").asBoolean())
                .as("maintained after the 2 business days: the express deadline is missed").isTrue();
        await().untilAsserted(() -> assertThat(s.bookedAt(s.withinTwoDays)).isZero());

        s.completedAndBilled(s.beyondTwoDays, "20.00", "F120B");
    }

    @Test
    void option22RendezVousNonAvanceTheWindowClosesAfterOneBusinessDayAndIsBilledTwentyEuros() {
        Scenario s = new Scenario("COUP");
        s.conservatory(List.of());
        s.escalate();
        stack.clock.advanceTo(CALENDAR.addBusinessDays(s.today, 1).atTime(23, 0).atZone(PARIS).toInstant());

        JsonNode maintained = s.awaitCase(c -> milestones(c).contains("RDVM"));
        assertThat(maintained.get("appointment").get("date").asString()).isEqualTo(s.beyondTwoDays.toString());
        assertThat(milestones(maintained)).last().isEqualTo("RDVM");
        assertThat(maintained.get("branch").asString()).isEqualTo("OPTION_2_2_NOT_ADVANCED");

        s.completedAndBilled(s.beyondTwoDays, "20.00", "F120B");
    }

    @Test
    void conservatoryAppointmentNeverEscalatedIsBilledAtTheStandardPrice() {
        Scenario s = new Scenario("COUP");
        s.conservatory(List.of());
        assertThat(s.awaitCase(c -> c.hasNonNull("branch")).get("deadlines").get("appointmentPastDeadline").asBoolean())
                .as("conservatory: not late before the express decision").isFalse();
        s.completedAndBilled(s.beyondTwoDays, "20.00", "F120B");
        JsonNode closed = s.awaitClosed("CPRE");
        assertThat(closed.get("express").get("decision").asString()).isEqualTo("PENDING");
        assertThat(closed.get("branch").asString()).isEqualTo("OPTION_2_NOT_ESCALATED");
    }

    @Test
    void clientAbsentAfterAnAdvancedDateIsBilledTheWastedTripWithoutTheExpressSupplement() {
        Scenario s = new Scenario("COUP");
        s.conservatory(List.of("RELEVE-SPE"));
        s.escalate();
        s.capacity(s.withinTwoDays, 1, 0);
        s.awaitProposal();
        assertThat(s.call(true, true).status()).isEqualTo(200);
        s.awaitCase(c -> milestones(c).contains("RDVA"));

        s.outcome(s.withinTwoDays, "CLIENT_ABSENT");
        JsonNode closed = s.awaitClosed("CPNR");
        assertThat(closed.get("message").asString()).contains("renouveler la demande").contains("obligatoire");
        assertThat(closed.get("outcome").isNull()).isTrue();
        List<JsonNode> lines = s.awaitBilling(List.of("DEPL-VAIN"));
        assertThat(total(lines, "amountExclTax")).isEqualTo("30.00");
        assertThat(Http.get(stack.services.url(Service.CONTRACT) + "/api/v1/suppliers/" + s.supplier + "/perimeter/"
                + s.pdl).status()).isEqualTo(404);
        assertThat(Http.get(stack.services.url(Service.CONTRACT) + "/api/v1/delivery-points/" + s.pdl).body()
                .get("supplyState").asString()).isEqualTo("COUP");
    }

    @Test
    void standardClientAbsentIsBilledTheWastedTripAndClosedPrestationNonRealisee() {
        Scenario s = new Scenario("LIMI");
        LocalDate date = CALENDAR.addBusinessDays(s.today, 3);
        s.capacity(date, 1, 0);
        s.request("STANDARD", date, List.of());
        s.outcome(date, "CLIENT_ABSENT");
        JsonNode absent = s.awaitClosed("CPNR");
        assertThat(total(s.awaitBilling(List.of("DEPL-VAIN")), "amountExclTax")).isEqualTo("30.00");

        // the supplier renews its request, naming the case closed with the client absent
        LocalDate again = CALENDAR.addBusinessDays(s.today, 4);
        s.capacity(again, 1, 0);
        var renewal = CaseFixture.request(s.pdl, s.supplier, "STANDARD", again, "AM");
        renewal.put("renewalOf", absent.get("caseId").asString());
        var created = Http.post(stack.services.url(Service.REQUEST) + "/api/v1/requests", renewal);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String renewalId = created.body().get("caseId").asString();
        JsonNode renewed = Http.get(stack.services.url(Service.REQUEST) + "/api/v1/cases/" + renewalId).body();
        assertThat(renewed.get("renewal").get("renewalOf").asString()).isEqualTo(absent.get("caseId").asString());
        assertThat(renewed.get("milestones").get(0).get("detail").asString()).contains(absent.get("caseId").asString())
                .contains("présence du client est obligatoire");
        assertThat(Http.get(stack.services.url(Service.REQUEST) + "/api/v1/cases/" + absent.get("caseId").asString())
                .body().get("renewal").get("renewedBy").asString()).isEqualTo(renewalId);
    }

    @Test
    void otherRequestedPrestationsAreBilledOnTopOfTheForfait() {
        Scenario s = new Scenario("COUP");
        s.capacity(s.withinTwoDays, 1, 0);
        s.request("STANDARD", s.withinTwoDays, List.of("RELEVE-SPE"));
        List<JsonNode> lines = s.completedAndBilled(s.withinTwoDays, "38.52", "F120B", "RELEVE-SPE");
        assertThat(total(lines, "vatAmount")).isEqualTo("7.70");
        assertThat(total(lines, "amountInclTax")).isEqualTo("46.22");
    }
}
