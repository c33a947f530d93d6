package fr.grd.mes.localstack;

import fr.grd.mes.testsupport.Http;
import fr.grd.mes.contract.domain.amendment.AmendmentFixture;
import com.mongodb.client.MongoCollection;
import fr.grd.mes.events.Topics;
import fr.grd.mes.localstack.ServiceStack.Service;
import fr.grd.mes.support.time.BusinessCalendar;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hostile inputs of issue 15, each refused at the edge with a 400 problem+json naming the field — over HTTP
 * and on the Kafka ingress — and nothing stored; French text is accepted and its flow files stay valid.
 */
class HostileInputIT {
    private static final String SUPPLIER = "FOURN-HOSTILE";
    private static TestStack stack;
    private static SupplierFiles files;
    private static LocalDate date;

    @BeforeAll
    static void stack() {
        stack = TestStack.get();
        files = new SupplierFiles(stack, SUPPLIER, "ZONE-HOSTILE");
        date = new BusinessCalendar().addBusinessDays(LocalDate.now(stack.clock.withZone(SupplierFiles.PARIS)), 2);
        CaseFixture.capacity(stack, "ZONE-HOSTILE", date, 20, 20);
    }

    /** The cases of a delivery point, as the distributor reads them over the API. */
    private static List<JsonNode> casesOf(String pdl) {
        return stack.platform.requests().casesOf(pdl);
    }

    private static List<String> fields(JsonNode problem) {
        return StreamSupport.stream(problem.get("errors").spliterator(), false).map(e -> e.get("field").asString())
                .toList();
    }

    /** 400 problem+json whose errors name {@code field}. */
    private static void assertRefused(fr.grd.mes.client.Reply response, String field) {
        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(fields(response.body())).as(response.raw()).contains(field);
    }

    private static fr.grd.mes.client.Reply request(Consumer<Map<String, Object>> change) {
        String pdl = CaseFixture.deliveryPoint(stack, "ZONE-HOSTILE", "COUP");
        Map<String, Object> body = new LinkedHashMap<>(CaseFixture.request(pdl, SUPPLIER, "STANDARD", date, "AM"));
        change.accept(body);
        int before = casesOf(pdl).size();
        fr.grd.mes.client.Reply response = Http.post(stack.services.url(Service.REQUEST) + "/api/v1/requests",
                Http.ASCII_JSON.writeValueAsString(body), files.token);
        if (response.status() >= 400) {
            assertThat(casesOf(pdl)).as("nothing stored").hasSize(before);
        }
        return response;
    }

    @ParameterizedTest
    @ValueSource(strings = {"REF\u0000", "REF\u0001X", "REF\uFFFE", "REF\uD800", "\u202eFER"})
    void anExternalReferenceNoFlowFileCanCarryIsRefusedNamingTheField(String reference) {
        assertRefused(request(b -> b.put("externalReference", reference)), "externalReference");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Claire\u0000Martin", "Claire \u202eNITRAM", "Claire\nMartin", "Claire\u0085Martin"})
    void aClientNameWithControlsOrOverridesIsRefused(String name) {
        assertRefused(request(b -> b.put("client", Map.of("name", name, "phone", "+33 6 12 34 56 78"))), "client.name");
    }

    @Test
    void anAppointmentDateAtTheEndOfTimeIsA400NotAServerError() {
        assertRefused(request(b -> b.put("appointment", Map.of("date", "+999999999-12-31", "slot", "AM"))),
                "appointment.date");
        assertRefused(request(b -> b.put("appointment", Map.of("date", date.plusYears(5).toString(), "slot", "AM"))),
                "appointment.date");
    }

    @Test
    void aThirtyKilobyteReferenceIsRefused() {
        assertRefused(request(b -> b.put("externalReference", "x".repeat(30_000))), "externalReference");
    }

    @Test
    void frenchTextIsAcceptedAndTheSuppliersFlowFilesStayValid() throws Exception {
        fr.grd.mes.client.Reply created = request(b -> {
            b.put("externalReference", "Réf. « œuvre » n° 12\u00a0345 – l’été");
            b.put("client", Map.of("name", "Mme Zoë Lefèvre-Ærøskøbing", "phone", "+33 6 12 34 56 78"));
        });
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String caseId = created.body().get("caseId").asString();
        Cases.await(stack, caseId, c -> Cases.milestones(c).contains("INPL"));
        stack.clock.advance(Duration.ofSeconds(1));
        fr.grd.mes.client.Reply x12 = files.export("X12");
        assertThat(x12.status()).as(x12.raw()).isEqualTo(201);
        assertThat(files.checkedEntries("X12", x12.body().get("fileName").asString()))
                .contains("Réf. « œuvre » n° 12\u00a0345 – l’été");
    }

    @Test
    void theKafkaIngressAnswersABadReferenceOnTheRejectionTopicNamingTheField() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String pdl = CaseFixture.deliveryPoint(stack, "ZONE-HOSTILE", "COUP");
        Map<String, Object> body = new LinkedHashMap<>(CaseFixture.request(pdl, SUPPLIER, "STANDARD", date, "AM"));
        body.put("portalRequestId", "HOSTILE-" + run);
        body.put("externalReference", "BAD\u0000REF");
        String bootstrap = stack.kafkaBootstrap;
        try (KafkaProducer<String, String> portal = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new StringSerializer());
             KafkaConsumer<String, String> rejections = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                     ConsumerConfig.GROUP_ID_CONFIG, "hostile-" + run,
                     ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            rejections.subscribe(List.of(Topics.SGE_REQUESTS_REJECTED));
            portal.send(new ProducerRecord<>(Topics.SGE_REQUESTS, "hostile-" + run, Http.JSON.writeValueAsString(body)));
            portal.flush();
            List<JsonNode> rejected = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                rejections.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (("hostile-" + run).equals(r.key())) {
                        rejected.add(Http.JSON.readTree(r.value()).get("payload"));
                    }
                });
                return !rejected.isEmpty();
            });
            assertThat(StreamSupport.stream(rejected.get(0).get("errors").spliterator(), false)
                    .map(e -> e.get("field").asString())).contains("externalReference");
        }
        assertThat(casesOf(pdl)).as("nothing stored").isEmpty();
    }

    private static fr.grd.mes.client.Reply amendment(List<Map<String, Object>> lines) {
        Map<String, Object> terms = AmendmentFixture.terms("AV-HOSTILE-" + UUID.randomUUID().toString().substring(0, 6),
                LocalDate.now(stack.clock.withZone(SupplierFiles.PARIS)), false);
        terms.put("contributionLines", lines);
        int before = stack.platform.contracts().amendments().size();
        fr.grd.mes.client.Reply response = Http.post(stack.services.url(Service.CONTRACT) + "/api/v1/amendments", terms);
        if (response.status() >= 400) {
            assertThat(stack.platform.contracts().amendments()).as("nothing stored").hasSize(before)
                    .noneMatch(a -> terms.get("amendmentNumber").equals(a.path("terms").path("amendmentNumber").asString()));
        }
        return response;
    }

    @Test
    void anAnnexe3WithThreeVatRatesIsA400NamingTheLines() {
        assertRefused(amendment(List.of(
                AmendmentFixture.line("Part Fixe Branchement (C_fB)", "FCS", "ORR", "1", "1500.00", "40", "20"),
                AmendmentFixture.line("Part Variable Extension HTA (C_vE^HTA)", "FCS", "ORR", "10", "85.40", "40", "10"),
                AmendmentFixture.line("Part Variable Extension HTA (C_vE^HTA)", "FCS", "HORR", "3", "85.40", "0", "5.5"))),
                "contributionLines");
    }

    @Test
    void aUnitPriceOf1e30IsRefused() {
        assertRefused(amendment(List.of(AmendmentFixture.line("Part Fixe Branchement (C_fB)", "FCS", "ORR", "1",
                "1e30", "40", "20"))), "contributionLines[0].unitPrice");
    }

    @Test
    void aVatRateWithThreeDecimalsIsRefusedRatherThanLosingItsVat() {
        assertRefused(amendment(List.of(AmendmentFixture.line("Part Fixe Branchement (C_fB)", "FCS", "ORR", "1",
                "1000.00", "40", "5.555"))), "contributionLines[0].vatRate");
    }

    @Test
    void aCatalogueUnitPriceOf1e30IsRefused() {
        Map<String, Object> body = Map.of("effectiveFrom", date.toString(), "prestations", List.of(Map.of(
                "code", "F120B", "label", "Mise en service", "unitPriceExclTax", "1e30", "vatRate", "20")));
        assertRefused(Http.post(stack.services.url(Service.BILLING) + "/api/v1/catalogue", body),
                "prestations[0].unitPriceExclTax");
    }

    @Test
    void numbersPastTheirBoundsAreRefusedNamingTheField() {
        assertRefused(Http.put(stack.services.url(Service.SCHEDULING) + "/api/v1/capacity/ZONE-HOSTILE/" + date,
                Map.of("am", 10_000_000_000L)), "am");
        assertRefused(Http.post(stack.services.url(Service.SCHEDULING) + "/api/v1/appointments/ZZNONE-R1/outcome",
                Map.of("result", "COMPLETED", "meterIndex", 1_000_000_000_000L)), "meterIndex");
        assertRefused(Http.post(stack.services.url(Service.REQUEST) + "/api/v1/simulation/clock/advance",
                Map.of("duration", "P999999999D")), "duration");
    }

    @Test
    void anAddressWithANulIsRefused() {
        fr.grd.mes.client.Reply response = Http.put(stack.services.url(Service.CONTRACT) + "/api/v1/delivery-points/"
                + CaseFixture.newPdl(), Map.of("street", "12 rue\u0000 de la Paix", "postalCode", "75002", "city",
                "Paris", "inseeCode", "75102", "zone", "ZONE-HOSTILE", "supplyState", "COUP", "meterType", "LINKY"));
        assertRefused(response, "street");
    }

    /** Found by HttpFuzzIT once it could see server errors: a null item in a list was a NullPointerException. */
    @Test
    void aNullItemInAListIsA400NamingTheItem() {
        java.util.List<Object> nullPrestation = new java.util.ArrayList<>();
        nullPrestation.add(null);
        assertRefused(Http.post(stack.services.url(Service.BILLING) + "/api/v1/catalogue",
                Map.of("effectiveFrom", date.toString(), "prestations", nullPrestation)), "prestations[0]");
        java.util.List<Map<String, Object>> lines = new java.util.ArrayList<>();
        lines.add(null);
        assertRefused(amendment(lines), "contributionLines[0]");
        Map<String, Object> terms = AmendmentFixture.terms("AV-NULL-" + UUID.randomUUID().toString().substring(0, 6),
                LocalDate.now(stack.clock.withZone(SupplierFiles.PARIS)), false);
        java.util.List<Object> works = new java.util.ArrayList<>();
        works.add(null);
        terms.put("requesterWorksOutsideOrr", works);
        assertRefused(Http.post(stack.services.url(Service.CONTRACT) + "/api/v1/amendments", terms),
                "requesterWorksOutsideOrr");
    }
}
