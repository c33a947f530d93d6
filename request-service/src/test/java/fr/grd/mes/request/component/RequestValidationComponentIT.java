package fr.grd.mes.request.component;

import com.mongodb.client.MongoCollection;
import fr.grd.mes.events.CatalogueVersionPublished;
import fr.grd.mes.events.CatalogueVersionPublished.ChartCode;
import fr.grd.mes.events.DeliveryPointChanged;
import fr.grd.mes.events.EventTypes;
import fr.grd.mes.events.SupplyState;
import fr.grd.mes.events.Topics;
import fr.grd.mes.request.RequestServiceApplication;
import fr.grd.mes.support.time.BusinessCalendar;
import fr.grd.mes.testsupport.ComponentStack;
import fr.grd.mes.testsupport.Http;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input over real HTTP, request-service alone (the referential's delivery points and billing's catalogue
 * come in on their topics as contract- and billing-service publish them): each invalid request gets a 400
 * {@code application/problem+json} naming the bad field and why, and nothing is stored (no case, no case number
 * consumed, no event).
 */
class RequestValidationComponentIT {
    private static final String ZONE = "ZONE-VAL";
    private static final String SUSPENDED_PDL = "09333333333331";
    private static final String SUPPLIED_PDL = "09333333333332";
    private static ComponentStack stack;
    private static String suspendedPdl;
    private static String suppliedPdl;
    private static LocalDate date;

    @BeforeAll
    static void referential() {
        stack = ComponentStack.start(RequestServiceApplication::builder, "mes_request");
        suspendedPdl = deliveryPoint(SUSPENDED_PDL, SupplyState.COUP);
        suppliedPdl = deliveryPoint(SUPPLIED_PDL, SupplyState.ALIM);
        stack.publish(Topics.CATALOGUE, "2026-01-01", EventTypes.CATALOGUE_VERSION_PUBLISHED,
                new CatalogueVersionPublished("2026-01-01", LocalDate.of(2026, 1, 1),
                        List.of("F120B", "F120X", "DEPL-VAIN", "RELEVE-SPE", "VERIF-CPT"),
                        List.of(new ChartCode("ACCESS_FORFAIT", "F120B"), new ChartCode("EXPRESS_SUPPLEMENT", "F120X"),
                                new ChartCode("WASTED_TRIP", "DEPL-VAIN"))));
        stack.awaitConsumed("request-service.delivery-points", Topics.DELIVERY_POINTS);
        stack.awaitConsumed("request-service.catalogue", Topics.CATALOGUE);
        date = new BusinessCalendar().addBusinessDays(LocalDate.now(stack.clock.withZone(ZoneId.of("Europe/Paris"))), 3);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static String deliveryPoint(String pdl, SupplyState state) {
        stack.publish(Topics.DELIVERY_POINTS, pdl, EventTypes.DELIVERY_POINT_CHANGED, new DeliveryPointChanged(pdl,
                "12 rue de la Paix", "75002", "Paris", "75102", ZONE, state, "LINKY", null, 1, ComponentStack.START));
        return pdl;
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                invalid("PdL of 13 digits", "pdl", b -> with(b, "pdl", "1234567890123")),
                invalid("PdL with letters", "pdl", b -> with(b, "pdl", "1234567890ABCD")),
                invalid("unknown PdL", "pdl", b -> with(b, "pdl", "99999999999999")),
                invalid("supply already on (ALIM)", "pdl", b -> with(b, "pdl", suppliedPdl)),
                invalid("missing PdL", "pdl", b -> without(b, "pdl")),
                invalid("unknown version", "version", b -> with(b, "version", "TURBO")),
                invalid("missing client", "client", b -> without(b, "client")),
                invalid("client without name", "client.name",
                        b -> with(b, "client", Map.of("phone", "+33 6 12 34 56 78"))),
                invalid("client phone not a number", "client.phone",
                        b -> with(b, "client", Map.of("name", "M. Dupont", "phone", "call me"))),
                invalid("missing appointment", "appointment", b -> without(b, "appointment")),
                invalid("appointment date in the past", "appointment.date",
                        b -> with(b, "appointment", Map.of("date", date.minusDays(10).toString(), "slot", "AM"))),
                invalid("appointment date not a date", "appointment.date",
                        b -> with(b, "appointment", Map.of("date", "2026-13-45", "slot", "AM"))),
                invalid("appointment on Christmas day", "appointment.date",
                        b -> with(b, "appointment", Map.of("date", "2026-12-25", "slot", "AM"))),
                invalid("unknown slot", "appointment.slot",
                        b -> with(b, "appointment", Map.of("date", date.toString(), "slot", "EVENING"))),
                invalid("supplier id unfit for a topic name", "supplierId", b -> with(b, "supplierId", "four nisseur!")),
                invalid("additional service not a catalogue code", "additionalServices[0]",
                        b -> with(b, "additionalServices", List.of("relevé"))),
                invalid("the mise en service itself asked as an additional service", "additionalServices[0]",
                        b -> with(b, "additionalServices", List.of("F120B"))),
                invalid("an additional service the catalogue in force does not price", "additionalServices[0]",
                        b -> with(b, "additionalServices", List.of("ZZ-99"))),
                invalid("the express supplement asked as an additional service", "additionalServices[0]",
                        b -> with(b, "additionalServices", List.of("F120X"))),
                invalid("renewal of a case that does not exist", "renewalOf",
                        b -> with(b, "renewalOf", "ZZZZ9999")),
                invalid("renewal naming no case id", "renewalOf", b -> with(b, "renewalOf", "not a case")),
                invalid("an additional service asked twice", "additionalServices[1]",
                        b -> with(b, "additionalServices", List.of("VERIF-CPT", "VERIF-CPT"))),
                invalid("external reference too long", "externalReference",
                        b -> with(b, "externalReference", "R".repeat(65))));
    }

    @ParameterizedTest(name = "{0} → 400 naming {1}")
    @MethodSource("invalidRequests")
    void invalidRequestIsRefusedNamingTheFieldAndStoresNothing(String name, String field,
                                                               Function<Map<String, Object>, Object> mutation) {
        long casesBefore = cases().countDocuments();
        Document counterBefore = counter();
        Object body = mutation.apply(request(suspendedPdl, "FOURN-VAL", "EXPRESS", date, "AM"));

        var response = Http.post(stack.url() + "/api/v1/requests", body);

        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("status").asInt()).isEqualTo(400);
        List<String> fields = StreamSupport.stream(response.body().get("errors").spliterator(), false)
                .map(e -> e.get("field").asString()).toList();
        assertThat(fields).as(response.raw()).contains(field);
        assertThat(cases().countDocuments()).isEqualTo(casesBefore);
        assertThat(counter()).isEqualTo(counterBefore);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void malformedBodyIsRefusedAndStoresNothing(String name, String raw) {
        long casesBefore = cases().countDocuments();
        var response = Http.post(stack.url() + "/api/v1/requests", raw);
        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("detail").asString()).isNotBlank();
        assertThat(cases().countDocuments()).isEqualTo(casesBefore);
    }

    static Stream<Arguments> malformedBodies() {
        return Stream.of(Arguments.of("malformed JSON", "{\"pdl\": \"123"),
                Arguments.of("a JSON array instead of an object", "[1,2,3]"),
                Arguments.of("empty object names every required field", "{}"));
    }

    @ParameterizedTest(name = "several bad fields are all named")
    @MethodSource("severalBadFields")
    void everyBadFieldIsNamedInOneAnswer(Map<String, Object> body) {
        var response = Http.post(stack.url() + "/api/v1/requests", body);
        assertThat(response.status()).isEqualTo(400);
        List<String> fields = StreamSupport.stream(response.body().get("errors").spliterator(), false)
                .map(e -> e.get("field").asString()).toList();
        assertThat(fields).contains("pdl", "client", "appointment.date");
    }

    static Stream<Map<String, Object>> severalBadFields() {
        Map<String, Object> body = new LinkedHashMap<>(request("123", "FOURN-VAL", "STANDARD",
                LocalDate.of(2020, 1, 2), "PM"));
        body.remove("client");
        return Stream.of(body);
    }

    private static Arguments invalid(String name, String field, Function<Map<String, Object>, Object> mutation) {
        return Arguments.of(name, field, mutation);
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    private static Map<String, Object> without(Map<String, Object> body, String key) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.remove(key);
        return copy;
    }

    private static Map<String, Object> request(String pdl, String supplierId, String version, LocalDate date,
                                               String slot) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pdl", pdl);
        body.put("supplierId", supplierId);
        body.put("version", version);
        body.put("client", Map.of("name", "Mme Claire Martin", "phone", "+33 6 12 34 56 78"));
        body.put("appointment", Map.of("date", date.toString(), "slot", slot));
        body.put("additionalServices", List.of());
        body.put("externalReference", "REF-" + pdl);
        return body;
    }

    private static MongoCollection<Document> cases() {
        return stack.database().getCollection("cases");
    }

    private static Document counter() {
        return stack.database().getCollection("counters").find().first();
    }
}
