package fr.grd.mes.localstack;

import fr.grd.mes.testsupport.Http;
import fr.grd.mes.localstack.ServiceStack.Service;
import fr.grd.mes.support.time.BusinessCalendar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Identity and isolation over real HTTP with real signed JWTs: every endpoint against every role (and no
 * token), and every supplier-scoped endpoint across two suppliers — another supplier's data answers 404 with
 * nothing of it, acting for another supplier is refused.
 */
class AuthorizationIT {
    private static final String A = "FOURN-AZA";
    private static final String B = "FOURN-AZB";
    private static TestStack stack;
    private static String caseA;
    private static String pdlA;
    private static String caseB;
    private static String pdlB;
    private static Map<String, String> tokens;

    @BeforeAll
    static void twoSuppliersWithACompletedCaseEach() {
        stack = TestStack.get();
        Duration hour = Duration.ofHours(1);
        tokens = Map.of(
                "SUPPLIER", stack.issuer.mint("a-user", List.of("SUPPLIER"), A, hour),
                "OPERATOR", stack.issuer.mint("desk", List.of("OPERATOR"), null, hour),
                "TECHNICIAN", stack.issuer.mint("tech", List.of("TECHNICIAN"), null, hour),
                "PORTAL", stack.issuer.mint("portal", List.of("PORTAL"), null, hour));
        LocalDate date = new BusinessCalendar().addBusinessDays(LocalDate.now(stack.clock.withZone(ZoneId.of("Europe/Paris"))), 1);
        CaseFixture.capacity(stack, "ZONE-AUTH", date, 4, 4);
        pdlA = CaseFixture.deliveryPoint(stack, "ZONE-AUTH", "COUP");
        pdlB = CaseFixture.deliveryPoint(stack, "ZONE-AUTH", "LIMI");
        String supplierB = stack.issuer.mint("b-user", List.of("SUPPLIER"), B, hour);
        var createdA = Http.post(url(Service.REQUEST, "/api/v1/requests"),
                CaseFixture.request(pdlA, A, "STANDARD", date, "AM"), tokens.get("SUPPLIER"));
        assertThat(createdA.status()).as(createdA.raw()).isEqualTo(201);
        caseA = createdA.body().get("caseId").asString();
        var createdB = Http.post(url(Service.REQUEST, "/api/v1/requests"),
                CaseFixture.request(pdlB, B, "STANDARD", date, "AM"), supplierB);
        caseB = createdB.body().get("caseId").asString();
        for (String caseId : List.of(caseA, caseB)) {
            Cases.await(stack, caseId, c -> Cases.milestones(c).contains("INPL"));
        }
        stack.clock.advanceTo(date.atTime(9, 0).atZone(ZoneId.of("Europe/Paris")).toInstant());
        for (String caseId : List.of(caseA, caseB)) {
            assertThat(Http.post(url(Service.SCHEDULING, "/api/v1/appointments/" + caseId + "-R1/outcome"),
                    Map.of("result", "COMPLETED", "meterIndex", 10), tokens.get("TECHNICIAN")).status()).isEqualTo(200);
        }
        await().until(() -> Http.get(url(Service.CONTRACT, "/api/v1/suppliers/" + A + "/perimeter/" + pdlA)).status() == 200
                && Http.get(url(Service.BILLING, "/api/v1/suppliers/" + A + "/billing-lines")).body().size() == 1);
    }

    static String url(Service service, String path) {
        return stack.services.url(service) + path;
    }

    record Endpoint(Service service, String method, String path, Object body, Set<String> allowed) {
        @Override
        public String toString() {
            return method + " " + service.serviceName() + path;
        }
    }

    static Stream<Endpoint> endpoints() {
        String anyDate = "2030-01-02";
        Map<String, Object> invalidRequest = Map.of("version", "STANDARD");
        return Stream.of(
                new Endpoint(Service.REQUEST, "POST", "/api/v1/requests", invalidRequest, Set.of("SUPPLIER", "PORTAL")),
                new Endpoint(Service.REQUEST, "GET", "/api/v1/cases/{caseA}", null,
                        Set.of("SUPPLIER", "OPERATOR", "PORTAL", "TECHNICIAN")),
                new Endpoint(Service.REQUEST, "POST", "/api/v1/cases/{caseA}/express-escalation", Map.of(),
                        Set.of("SUPPLIER", "OPERATOR")),
                new Endpoint(Service.REQUEST, "GET", "/api/v1/cases?pdl={pdlA}", null,
                        Set.of("SUPPLIER", "OPERATOR", "TECHNICIAN")),
                new Endpoint(Service.REQUEST, "GET", "/api/v1/statistics/daily?date=" + anyDate, null, Set.of("OPERATOR")),
                new Endpoint(Service.SCHEDULING, "GET", "/api/v1/zones", null,
                        Set.of("SUPPLIER", "PORTAL", "OPERATOR", "TECHNICIAN")),
                new Endpoint(Service.SCHEDULING, "GET", "/api/v1/calendar?from=" + anyDate + "&to=" + anyDate, null,
                        Set.of("SUPPLIER", "PORTAL", "OPERATOR", "TECHNICIAN")),
                new Endpoint(Service.SCHEDULING, "GET", "/api/v1/appointments?zone=ZONE-AUTH&date=" + anyDate, null,
                        Set.of("OPERATOR", "TECHNICIAN")),
                new Endpoint(Service.CONTRACT, "GET", "/api/v1/amendments?status=ISSUED", null, Set.of("OPERATOR")),
                new Endpoint(Service.SCHEDULING, "GET", "/api/v1/slots?zone=ZONE-AUTH&from=" + anyDate + "&to=" + anyDate,
                        null, Set.of("SUPPLIER", "PORTAL", "OPERATOR")),
                new Endpoint(Service.SCHEDULING, "PUT", "/api/v1/capacity/ZONE-AUTH/" + anyDate, Map.of(), Set.of("OPERATOR")),
                new Endpoint(Service.SCHEDULING, "GET", "/api/v1/appointments/{caseA}-R1", null,
                        Set.of("SUPPLIER", "PORTAL", "OPERATOR", "TECHNICIAN")),
                new Endpoint(Service.SCHEDULING, "GET", "/api/v1/advancements?status=PROPOSED", null, Set.of("OPERATOR")),
                new Endpoint(Service.SCHEDULING, "POST", "/api/v1/holds", Map.of("zone", "ZONE-AUTH", "date",
                        anyDate.toString(), "slot", "PM", "supplierId", A), Set.of("SUPPLIER", "PORTAL")),
                new Endpoint(Service.SCHEDULING, "GET", "/api/v1/holds/H-00000000-0000-0000-0000-000000000000", null,
                        Set.of("SUPPLIER", "PORTAL", "OPERATOR")),
                new Endpoint(Service.SCHEDULING, "POST", "/api/v1/holds/H-00000000-0000-0000-0000-000000000000/claim",
                        Map.of(), Set.of("SUPPLIER", "PORTAL")),
                new Endpoint(Service.BILLING, "GET", "/api/v1/bills/held", null, Set.of("OPERATOR")),
                new Endpoint(Service.BILLING, "POST", "/api/v1/bills/none-R1/price-held", Map.of(), Set.of("OPERATOR")),
                new Endpoint(Service.SCHEDULING, "POST", "/api/v1/appointments/{caseA}-R1/client-call", Map.of(),
                        Set.of("OPERATOR")),
                new Endpoint(Service.SCHEDULING, "POST", "/api/v1/appointments/{caseA}-R1/outcome", Map.of(),
                        Set.of("TECHNICIAN")),
                new Endpoint(Service.BILLING, "GET", "/api/v1/suppliers/" + A + "/billing-lines", null,
                        Set.of("SUPPLIER", "OPERATOR")),
                new Endpoint(Service.BILLING, "GET", "/api/v1/catalogue", null,
                        Set.of("SUPPLIER", "OPERATOR", "TECHNICIAN", "PORTAL")),
                new Endpoint(Service.BILLING, "POST", "/api/v1/catalogue", Map.of(), Set.of("OPERATOR")),
                new Endpoint(Service.CONTRACT, "GET", "/api/v1/delivery-points/{pdlA}", null,
                        Set.of("OPERATOR", "PORTAL", "TECHNICIAN")),
                new Endpoint(Service.CONTRACT, "PUT", "/api/v1/delivery-points/{pdlA}", Map.of(), Set.of("OPERATOR")),
                new Endpoint(Service.CONTRACT, "GET", "/api/v1/suppliers/" + A + "/perimeter/{pdlA}", null,
                        Set.of("SUPPLIER", "OPERATOR")),
                new Endpoint(Service.REQUEST, "POST", "/api/v1/simulation/clock/advance", Map.of(), Set.of("OPERATOR")),
                new Endpoint(Service.BILLING, "GET", "/api/v1/suppliers/" + A + "/files", null, Set.of("SUPPLIER", "OPERATOR")),
                new Endpoint(Service.CONTRACT, "POST", "/api/v1/suppliers/" + A + "/files/C15", Map.of(),
                        Set.of("SUPPLIER", "OPERATOR")),
                new Endpoint(Service.REQUEST, "GET", "/api/v1/suppliers/" + A + "/files/none.zip", null,
                        Set.of("SUPPLIER", "OPERATOR")),
                new Endpoint(Service.CONTRACT, "GET", "/api/v1/suppliers", null, Set.of("OPERATOR")),
                new Endpoint(Service.CONTRACT, "PUT", "/api/v1/suppliers/" + A, Map.of(), Set.of("OPERATOR")),
                new Endpoint(Service.CONTRACT, "GET", "/api/v1/suppliers/" + A, null, Set.of("SUPPLIER", "OPERATOR")),
                new Endpoint(Service.BILLING, "GET", "/api/v1/flow-holds", null, Set.of("OPERATOR")),
                new Endpoint(Service.REQUEST, "POST", "/api/v1/flow-holds/none/release", Map.of(), Set.of("OPERATOR")),
                new Endpoint(Service.BILLING, "GET", "/actuator/prometheus", null, Set.of("OPERATOR")),
                new Endpoint(Service.CONTRACT, "GET", "/v3/api-docs", null,
                        Set.of("SUPPLIER", "OPERATOR", "TECHNICIAN", "PORTAL")),
                new Endpoint(Service.SCHEDULING, "GET", "/asyncapi/asyncapi.json", null,
                        Set.of("SUPPLIER", "OPERATOR", "TECHNICIAN", "PORTAL")));
    }

    static Stream<Arguments> endpointsByRole() {
        return endpoints().flatMap(e -> Stream.of("SUPPLIER", "OPERATOR", "TECHNICIAN", "PORTAL")
                .map(role -> Arguments.of(e, role)));
    }

    private static fr.grd.mes.client.Reply call(Endpoint e, String token) {
        String path = e.path().replace("{caseA}", caseA).replace("{pdlA}", pdlA);
        return switch (e.method()) {
            case "GET" -> Http.get(url(e.service(), path), token);
            case "POST" -> Http.post(url(e.service(), path), e.body(), token);
            default -> Http.put(url(e.service(), path), e.body(), token);
        };
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("endpointsByRole")
    void eachRoleReachesOnlyItsEndpoints(Endpoint endpoint, String role) {
        fr.grd.mes.client.Reply response = call(endpoint, tokens.get(role));
        if (endpoint.allowed().contains(role)) {
            assertThat(response.status()).as(response.raw()).isNotIn(401, 403);
        } else {
            assertThat(response.status()).as(response.raw()).isEqualTo(403);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @ParameterizedTest(name = "{0} without a token")
    @MethodSource("endpoints")
    void noEndpointButHealthIsAnonymous(Endpoint endpoint) {
        fr.grd.mes.client.Reply response = call(endpoint, null);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        fr.grd.mes.client.Reply forged = call(endpoint, tokens.get("OPERATOR").substring(0, tokens.get("OPERATOR").length() - 4) + "AAAA");
        assertThat(forged.status()).as("a token with a bad signature").isEqualTo(401);
    }

    @Test
    void healthIsAnonymous() {
        for (Service service : Service.values()) {
            assertThat(Http.get(url(service, "/actuator/health/readiness"), null).status()).isEqualTo(200);
            assertThat(Http.get(url(service, "/actuator/health/liveness"), null).status()).isEqualTo(200);
        }
    }

    @Test
    void anotherSuppliersDataIsNotFoundAndNothingOfItIsShown() {
        String supplierB = stack.issuer.mint("b-user", List.of("SUPPLIER"), B, Duration.ofHours(1));
        List<String> ofA = List.of(
                url(Service.REQUEST, "/api/v1/cases/" + caseA),
                url(Service.SCHEDULING, "/api/v1/appointments/" + caseA + "-R1"),
                url(Service.BILLING, "/api/v1/suppliers/" + A + "/billing-lines"),
                url(Service.BILLING, "/api/v1/suppliers/" + A + "/billing-lines?caseId=" + caseA),
                url(Service.CONTRACT, "/api/v1/suppliers/" + A + "/perimeter/" + pdlA),
                url(Service.BILLING, "/api/v1/suppliers/" + A + "/files"),
                url(Service.REQUEST, "/api/v1/suppliers/" + A + "/files?flow=X12"));
        for (String url : ofA) {
            fr.grd.mes.client.Reply response = Http.get(url, supplierB);
            assertThat(response.status()).as(url).isEqualTo(404);
            assertThat(response.raw()).as("no data of the other supplier").doesNotContain("REF-", "20.00",
                    "\"supplierId\"", "meterIndex", "supplyState", "milestones", "\"date\"");
        }
        assertThat(Http.get(url(Service.REQUEST, "/api/v1/cases/A999999999"), supplierB).body().get("detail").asString())
                .isEqualTo("case A999999999 not found");
        assertThat(Http.get(url(Service.REQUEST, "/api/v1/cases/" + caseA), supplierB).body().get("detail").asString())
                .isEqualTo("case " + caseA + " not found");
        assertThat(Http.post(url(Service.REQUEST, "/api/v1/cases/" + caseA + "/express-escalation"), Map.of(), supplierB)
                .status()).isEqualTo(404);

        // a search by the other supplier's PdL or reference finds nothing; the desk finds it
        for (String query : List.of("pdl=" + pdlA, "externalReference=REF-" + pdlA)) {
            fr.grd.mes.client.Reply search = Http.get(url(Service.REQUEST, "/api/v1/cases?" + query), supplierB);
            assertThat(search.status()).isEqualTo(200);
            assertThat(search.body().size()).as(query).isZero();
            assertThat(Http.get(url(Service.REQUEST, "/api/v1/cases?" + query), tokens.get("OPERATOR")).body()
                    .get(0).get("caseId").asString()).isEqualTo(caseA);
        }

        // its own data is there
        assertThat(Http.get(url(Service.REQUEST, "/api/v1/cases/" + caseB), supplierB).status()).isEqualTo(200);
        assertThat(Http.get(url(Service.REQUEST, "/api/v1/cases?pdl=" + pdlB), supplierB).body().get(0)
                .get("caseId").asString()).isEqualTo(caseB);
        assertThat(Http.get(url(Service.BILLING, "/api/v1/suppliers/" + B + "/billing-lines"), supplierB).body().size())
                .isEqualTo(1);
    }

    @Test
    void aSupplierCreatesRequestsOnlyForItself() {
        String supplierB = stack.issuer.mint("b-user", List.of("SUPPLIER"), B, Duration.ofHours(1));
        LocalDate date = new BusinessCalendar().addBusinessDays(LocalDate.now(stack.clock.withZone(ZoneId.of("Europe/Paris"))), 3);
        String pdl = CaseFixture.deliveryPoint(stack, "ZONE-AUTH", "COUP");
        fr.grd.mes.client.Reply forA = Http.post(url(Service.REQUEST, "/api/v1/requests"),
                CaseFixture.request(pdl, A, "STANDARD", date, "AM"), supplierB);
        assertThat(forA.status()).isEqualTo(403);
        assertThat(forA.contentType()).startsWith("application/problem+json");
        assertThat(stack.platform.requests().casesOf(pdl)).as("no case stored for the delivery point").isEmpty();
    }
}
