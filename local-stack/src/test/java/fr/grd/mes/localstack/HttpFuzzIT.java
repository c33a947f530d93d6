package fr.grd.mes.localstack;

import fr.grd.mes.testsupport.Http;
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

    /** Text a careless or malicious client sends: any UTF-16 unit (lone surrogates too), controls, overrides, 30 kB. */
    static Arbitrary<String> hostileText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0020', '\ud7ff').ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u00a0', '\u017f').ofMaxLength(60),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(5),
                Arbitraries.strings().withCharRange('\u0080', '\u009f').ofMinLength(1).ofMaxLength(5),
                Arbitraries.strings().withCharRange('\u202a', '\u202e').ofMinLength(1).ofMaxLength(3),
                Arbitraries.strings().withCharRange('\u2066', '\u2069').ofMinLength(1).ofMaxLength(3),
                Arbitraries.strings().withCharRange('\ud800', '\udfff').ofMinLength(1).ofMaxLength(3),
                Arbitraries.of("\ufffe", "\uffff", "ok\u0000", "Réf. « œuvre » n° 12\u00a0345", "line\nbreak", "tab\there",
                        "l’Église\u202f€", "\uD83D\uDE00 emoji"),
                // 30 000 characters: a generated 100 repeated (a 30 000-character generated string costs jqwik
                // 30 000 shrinkable characters, most of the property's time, and buys nothing a long text does not)
                Arbitraries.strings().alpha().ofLength(100).map(s -> s.repeat(300)));
    }

    /** Numbers at and past every documented bound, and shapes no parser should choke on. */
    static Arbitrary<Object> boundaryNumbers() {
        return Arbitraries.oneOf(
                Arbitraries.of(0, -1, 500, 501, 999_999, 1_000_000, Integer.MAX_VALUE, Long.MAX_VALUE, Long.MIN_VALUE,
                        2_147_483_648L).map(n -> (Object) n),
                Arbitraries.of("1e30", "1e999999999", "-1e-999999999", "999999999999.99", "9999999999999", "5.555",
                        "100.01", "-0.00", "0.0000001", "NaN", "Infinity", "+999999999-12-31", "-999999999-01-01",
                        "1899-12-31", "2200-01-01", "P999999999D", "PT-1S").map(v -> (Object) v));
    }

    private static Arbitrary<Object> leaf() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40).map(s -> (Object) s),
                hostileText().map(s -> (Object) s),
                boundaryNumbers(),
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
        java.time.LocalDate today = java.time.LocalDate.now(stack.clock.withZone(java.time.ZoneId.of("Europe/Paris")));
        boolean request = target.path().equals("/api/v1/requests");
        if (request && !today.equals(receivedOn)) {
            receivedOn = today;
            receivedToday = requestsReceived(stack, today);
        }
        String url = stack.services.url(target.service()) + target.path();
        String json = Http.ASCII_JSON.writeValueAsString(document);
        fr.grd.mes.client.Reply response = "PUT".equals(target.method()) ? Http.put(url, json) : Http.post(url, json);
        count(response);
        assertAnswerIsSuccessOrProblem(target + " " + abbreviated(json), response);
        if (request) {
            if (response.status() >= 400) {
                assertThat(requestsReceived(stack, today)).as("requests received today, nothing stored")
                        .isEqualTo(receivedToday);
            } else if (response.status() == 201) {
                receivedToday++;
            } else {
                receivedOn = null;
            }
        }
    }

    /**
     * The day's requests received as last read, kept from one try to the next (a 201 adds its case), so that a
     * refused request costs one read of the day's counters: the tries run one after the other.
     */
    private static java.time.LocalDate receivedOn;
    private static long receivedToday;

    private static long requestsReceived(TestStack stack, java.time.LocalDate day) {
        return stack.platform.requests().dailyCounters(day).get("requests").asLong();
    }

    private static final AtomicInteger ACCEPTED = new AtomicInteger();
    private static final AtomicInteger INGRESS = new AtomicInteger();
    private static final AtomicInteger REFUSED = new AtomicInteger();
    private static final AtomicInteger FLOW_FILES_CHECKED = new AtomicInteger();

    private static void count(fr.grd.mes.client.Reply response) {
        CALLS.incrementAndGet();
        (response.status() < 400 ? ACCEPTED : REFUSED).incrementAndGet();
    }

    private static String abbreviated(String json) {
        return json.length() > 300 ? json.substring(0, 300) + "…(" + json.length() + " chars)" : json;
    }

    /**
     * The fuzz oracle: a success, or a 4xx problem+json — a 400 naming each bad field — never a 5xx (which the
     * services do answer, {@code ServerErrorsIT}) and never a 403 to this caller, who holds every distributor role.
     */
    static void assertAnswerIsSuccessOrProblem(String what, fr.grd.mes.client.Reply response) {
        assertThat(response.status()).as(what + " → " + response.raw()).isLessThan(500).isNotEqualTo(403);
        if (response.status() >= 400) {
            assertThat(response.contentType()).as(response.raw()).startsWith("application/problem+json");
            assertThat(response.body().get("detail").asString()).isNotBlank();
        }
        if (response.status() == 400) {
            assertThat(response.body().get("errors")).as(what + " → " + response.raw()).isNotNull().isNotEmpty();
            response.body().get("errors").forEach(e -> assertThat(e.get("field").asString()).isNotBlank());
        }
    }

    private static final List<String> REQUEST_TEXT_FIELDS = List.of("externalReference", "client.name",
            "client.phone", "portalRequestId", "additionalServices[0]");

    /**
     * Hostile text in one text field of an otherwise valid request: refused naming that field, or accepted — and
     * then the supplier's next X12 file still exports and validates against its XSD with the text in it.
     */
    @Property(tries = 150)
    void acceptedTextAlwaysMakesValidFlowFiles(@ForAll("hostileTexts") String text,
                                               @ForAll("requestTextFields") String field) throws Exception {
        TestStack stack = TestStack.get();
        SupplierFiles files = fuzzSupplier(stack);
        String pdl = CaseFixture.deliveryPoint(stack, "ZONE-FUZZTXT", "COUP");
        Map<String, Object> body = new LinkedHashMap<>(CaseFixture.request(pdl, files.supplier, "STANDARD",
                new fr.grd.mes.support.time.BusinessCalendar().addBusinessDays(java.time.LocalDate.now(
                        stack.clock.withZone(SupplierFiles.PARIS)), 2), "AM"));
        switch (field) {
            case "client.name" -> body.put("client", Map.of("name", text, "phone", "+33 6 12 34 56 78"));
            case "client.phone" -> body.put("client", Map.of("name", "Mme Martin", "phone", text));
            case "additionalServices[0]" -> body.put("additionalServices", List.of(text));
            default -> body.put(field, text);
        }
        fr.grd.mes.client.Reply response = Http.post(stack.services.url(Service.REQUEST) + "/api/v1/requests",
                Http.ASCII_JSON.writeValueAsString(body), files.token);
        count(response);
        assertAnswerIsSuccessOrProblem(field + "=" + abbreviated(Http.ASCII_JSON.writeValueAsString(text)), response);
        if (response.status() == 400) {
            assertThat(response.body().get("errors").toString()).contains(field);
            return;
        }
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        stack.clock.advance(java.time.Duration.ofSeconds(1));
        fr.grd.mes.client.Reply export = files.export("X12");
        assertThat(export.status()).as(export.raw()).isEqualTo(201);
        files.checkedEntries("X12", export.body().get("fileName").asString());
        FLOW_FILES_CHECKED.incrementAndGet();
    }

    private static SupplierFiles fuzzSupplierFiles;

    private static synchronized SupplierFiles fuzzSupplier(TestStack stack) {
        if (fuzzSupplierFiles == null) {
            fuzzSupplierFiles = new SupplierFiles(stack, "FOURN-FUZZTXT", "ZONE-FUZZTXT");
        }
        return fuzzSupplierFiles;
    }

    @Provide
    Arbitrary<String> hostileTexts() {
        return hostileText();
    }

    @Provide
    Arbitrary<String> requestTextFields() {
        return Arbitraries.of(REQUEST_TEXT_FIELDS);
    }

    @Provide
    Arbitrary<Target> targets() {
        return Arbitraries.of(TARGETS);
    }

    @Property(tries = 300)
    void rawGarbageBodiesAreRefusedAsProblems(@ForAll("garbage") String body, @ForAll("targets") Target target) {
        TestStack stack = TestStack.get();
        String url = stack.services.url(target.service()) + target.path();
        fr.grd.mes.client.Reply response = "PUT".equals(target.method()) ? Http.put(url, body) : Http.post(url, body);
        count(response);
        assertThat(response.status()).as(target + " " + body).isBetween(400, 499);
        assertAnswerIsSuccessOrProblem(target + " " + body, response);
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
        KafkaProducer<String, String> producer = ingressProducer(TestStack.get());
        Map<String, Object> withId = new HashMap<>(document);
        withId.putIfAbsent("portalRequestId", "FUZZ-" + INGRESS.addAndGet(2));
        producer.send(new ProducerRecord<>(Topics.SGE_REQUESTS, "fuzz", Http.ASCII_JSON.writeValueAsString(withId)));
        producer.send(new ProducerRecord<>(Topics.SGE_REQUESTS, "fuzz", garbage));
    }

    /** One producer for every try, as the portal has (a producer per record would measure connection set-up). */
    private static KafkaProducer<String, String> ingressProducer;

    private static synchronized KafkaProducer<String, String> ingressProducer(TestStack stack) {
        if (ingressProducer == null) {
            ingressProducer = producer(stack);
        }
        return ingressProducer;
    }

    private static KafkaProducer<String, String> producer(TestStack stack) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap,
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
        // the same producer as the generated records, so that this one comes after them on the partition
        KafkaProducer<String, String> producer = ingressProducer(stack);
        producer.send(new ProducerRecord<>(Topics.SGE_REQUESTS, "fuzz", Http.JSON.writeValueAsString(body)));
        producer.flush();
        try {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                    .until(() -> stack.platform.requests().casesOf(pdl).size() == 1);
        } finally {
            producer.close();
        }
        assertThat(CALLS.get()).isGreaterThanOrEqualTo(1800);
        System.out.printf("HttpFuzzIT: %d inputs tried over HTTP (%d accepted, %d refused 4xx, 0 server errors),"
                        + " %d X12 files exported and validated after accepted hostile text, %d records on the Kafka"
                        + " ingress%n", CALLS.get(), ACCEPTED.get(), REFUSED.get(),
                FLOW_FILES_CHECKED.get(), INGRESS.get());
    }
}
