package fr.grd.mes.localstack;

import fr.grd.mes.events.Topics;
import fr.grd.mes.localstack.ServiceStack.Service;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated bad input (jqwik) on every write endpoint and on the Kafka ingress: thousands of documents mixing the
 * endpoints' own field names with wrong types, absurd values, deep nesting, unicode and raw garbage. Never a
 * server error; every refusal a 4xx problem+json; nothing stored by a refused request.
 */
class HttpFuzzIT {
    private static final List<String> FIELDS = List.of("pdl", "supplierId", "version", "client", "name", "phone",
            "appointment", "date", "slot", "additionalServices", "externalReference", "portalRequestId", "am", "pm",
            "result", "meterIndex", "reachable", "agreed", "effectiveFrom", "prestations", "code", "unitPriceExclTax",
            "vatRate", "street", "postalCode", "city", "inseeCode", "zone", "supplyState", "meterType",
            "amendmentNumber", "htaSolution", "choice", "contributionLines", "quantity", "deposit", "percentage",
            "sgeCaseNumber", "caller", "duration", "to");
    private static final AtomicInteger CALLS = new AtomicInteger();

    record Target(Service service, String method, String path) {
    }

    private static final List<Target> TARGETS = List.of(
            new Target(Service.REQUEST, "POST", "/api/v1/requests"),
            new Target(Service.REQUEST, "POST", "/api/v1/cases/A000000001/express-escalation"),
            new Target(Service.SCHEDULING, "PUT", "/api/v1/capacity/ZONE-FUZZ/2030-01-02"),
            new Target(Service.SCHEDULING, "POST", "/api/v1/appointments/A000000001-R1/outcome"),
            new Target(Service.SCHEDULING, "POST", "/api/v1/appointments/A000000001-R1/client-call"),
            new Target(Service.BILLING, "POST", "/api/v1/catalogue"),
            new Target(Service.CONTRACT, "PUT", "/api/v1/delivery-points/12345678901234"),
            new Target(Service.CONTRACT, "POST", "/api/v1/amendments"),
            new Target(Service.REQUEST, "POST", "/api/v1/simulation/clock/advance"));

    @Provide
    Arbitrary<Object> values() {
        return Arbitraries.recursive(HttpFuzzIT::leaf, inner -> Arbitraries.oneOf(
                inner.list().ofMaxSize(4).map(l -> (Object) l),
                Arbitraries.maps(Arbitraries.of(FIELDS), inner).ofMaxSize(5).map(m -> (Object) m)), 0, 3);
    }

    private static Arbitrary<Object> leaf() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40).map(s -> (Object) s),
                Arbitraries.strings().numeric().ofLength(14).map(s -> (Object) s),
                Arbitraries.of("EXPRESS", "STANDARD", "AM", "PM", "COMPLETED", "CLIENT_ABSENT", "COUP", "ALIM",
                        "2026-02-30", "2030-01-02", "-PT1H", "P1D", "HTA1", "FCS", "", " ", "null", "\u0000",
                        "\uD83D\uDE00", "'; drop table cases; --", "../../etc/passwd").map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null));
    }

    @Provide
    Arbitrary<Map<String, Object>> documents() {
        return Arbitraries.maps(Arbitraries.of(FIELDS), values()).ofMaxSize(12)
                .map(m -> (Map<String, Object>) new LinkedHashMap<>(m));
    }

    @Property(tries = 1500)
    void noGeneratedDocumentEverCausesAServerError(@ForAll("documents") Map<String, Object> document,
                                                   @ForAll("targets") Target target) {
        TestStack stack = TestStack.get();
        long cases = stack.mongo.getDatabase("mes_request").getCollection("cases").countDocuments();
        String url = stack.services.url(target.service()) + target.path();
        Http.Response response = "PUT".equals(target.method()) ? Http.put(url, document) : Http.post(url, document);
        CALLS.incrementAndGet();
        assertThat(response.status()).as(target + " " + document + " → " + response.raw()).isLessThan(500);
        if (response.status() >= 400) {
            assertThat(response.contentType()).as(response.raw()).startsWith("application/problem+json");
            assertThat(response.body().get("detail").asString()).isNotBlank();
            if (target.path().equals("/api/v1/requests")) {
                assertThat(stack.mongo.getDatabase("mes_request").getCollection("cases").countDocuments())
                        .isEqualTo(cases);
            }
        }
    }

    @Provide
    Arbitrary<Target> targets() {
        return Arbitraries.of(TARGETS);
    }

    @Property(tries = 300)
    void rawGarbageBodiesAreRefusedAsProblems(@ForAll("garbage") String body, @ForAll("targets") Target target) {
        TestStack stack = TestStack.get();
        String url = stack.services.url(target.service()) + target.path();
        Http.Response response = "PUT".equals(target.method()) ? Http.put(url, body) : Http.post(url, body);
        CALLS.incrementAndGet();
        assertThat(response.status()).as(target + " " + body).isBetween(400, 499);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Provide
    Arbitrary<String> garbage() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(200),
                Arbitraries.of("{", "[", "{\"pdl\":", "{\"a\":1}}", "nul", "\"just a string\"", "12", "[]", "{}}"));
    }

    @Property(tries = 200)
    void theKafkaIngressNeverBlocksOnGeneratedRecords(@ForAll("documents") Map<String, Object> document,
                                                     @ForAll("garbage") String garbage) {
        TestStack stack = TestStack.get();
        try (KafkaProducer<String, String> producer = producer(stack)) {
            Map<String, Object> withId = new HashMap<>(document);
            withId.putIfAbsent("portalRequestId", "FUZZ-" + CALLS.incrementAndGet());
            producer.send(new ProducerRecord<>(Topics.SGE_REQUESTS, "fuzz", Http.JSON.writeValueAsString(withId)));
            producer.send(new ProducerRecord<>(Topics.SGE_REQUESTS, "fuzz", garbage));
        }
    }

    private static KafkaProducer<String, String> producer(TestStack stack) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka.getBrokersAsString(),
                ProducerConfig.LINGER_MS_CONFIG, "0"), new StringSerializer(), new StringSerializer());
    }

    /** After the generated records, a valid one published last still becomes a case: the partition flows. */
    @AfterContainer
    static void theIngressStillFlows() {
        TestStack stack = TestStack.get();
        String pdl = CaseFixture.deliveryPoint(stack, "ZONE-FUZZ", "COUP");
        Map<String, Object> body = CaseFixture.request(pdl, "FOURN-FUZZ", "STANDARD",
                new fr.grd.mes.support.time.BusinessCalendar().addBusinessDays(java.time.LocalDate.now(
                        stack.clock.withZone(java.time.ZoneId.of("Europe/Paris"))), 2), "AM");
        String id = "FUZZ-LAST-" + System.nanoTime();
        body.put("portalRequestId", id);
        try (KafkaProducer<String, String> producer = producer(stack)) {
            producer.send(new ProducerRecord<>(Topics.SGE_REQUESTS, "fuzz", Http.JSON.writeValueAsString(body)));
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> stack.mongo
                .getDatabase("mes_request").getCollection("cases")
                .countDocuments(com.mongodb.client.model.Filters.eq("portalRequestId", id)) == 1);
        assertThat(CALLS.get()).isGreaterThanOrEqualTo(1800);
    }
}
