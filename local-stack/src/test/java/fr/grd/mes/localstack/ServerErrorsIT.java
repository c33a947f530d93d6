package fr.grd.mes.localstack;

import fr.grd.mes.testsupport.Http;
import fr.grd.mes.localstack.ServiceStack.Service;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Server errors are seen as server errors. Each service is made to fail for real — a document in its own store
 * that its mapping cannot read, as a botched migration would leave — and answers 500 problem+json with an error
 * id (never a 403, never a stack trace or an internal message), logs the id with the cause, and counts it.
 */
@ExtendWith(OutputCaptureExtension.class)
class ServerErrorsIT {
    private static final String SUPPLIER = "FOURN-ERR";
    private static final String CASE = "ZZERR001";
    private static final String PDL = "39999999999999";
    private static TestStack stack;
    private static String supplierToken;

    @BeforeAll
    static void corruptOneDocumentPerService() {
        stack = TestStack.get();
        supplierToken = stack.issuer.mint("err-user", List.of("SUPPLIER"), SUPPLIER, Duration.ofHours(1));
        stack.stores.insertUnreadableDocuments(CASE, SUPPLIER, PDL);
    }

    private static void assertServerError(String what, fr.grd.mes.client.Reply response, CapturedOutput output) {
        assertThat(response.status()).as(what + " " + response.raw()).isEqualTo(500);
        assertThat(response.contentType()).as(what).startsWith("application/problem+json");
        String errorId = response.body().get("errorId").asString();
        assertThat(errorId).matches("[0-9a-f-]{36}");
        assertThat(response.body().get("detail").asString()).contains(errorId);
        assertThat(response.raw()).as(what + ": nothing internal reaches the client")
                .doesNotContain("Exception", "at fr.grd", "at org.", "NO_SUCH", "not a date", "trace");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> output.getAll().contains("errorId=" + errorId));
    }

    private static double serverErrorsCounted(Service service) {
        Matcher m = Pattern.compile("(?m)^mes_http_server_errors_total\\{[^}]*} ([0-9.E]+)$")
                .matcher(Http.text(stack.services.url(service) + "/actuator/prometheus"));
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void requestServiceAnswers500ProblemWithAnErrorIdEvenToTheOwningSupplier(CapturedOutput output) {
        double before = serverErrorsCounted(Service.REQUEST);
        assertServerError("case as supplier", Http.get(stack.services.url(Service.REQUEST) + "/api/v1/cases/" + CASE,
                supplierToken), output);
        assertServerError("case as operator", Http.get(stack.services.url(Service.REQUEST) + "/api/v1/cases/" + CASE),
                output);
        assertThat(serverErrorsCounted(Service.REQUEST)).isEqualTo(before + 2);
    }

    @Test
    void schedulingServiceAnswers500ProblemWithAnErrorId(CapturedOutput output) {
        double before = serverErrorsCounted(Service.SCHEDULING);
        assertServerError("appointment", Http.get(stack.services.url(Service.SCHEDULING) + "/api/v1/appointments/"
                + CASE + "-R1"), output);
        assertThat(serverErrorsCounted(Service.SCHEDULING)).isEqualTo(before + 1);
    }

    @Test
    void billingServiceAnswers500ProblemWithAnErrorIdToTheSupplier(CapturedOutput output) {
        double before = serverErrorsCounted(Service.BILLING);
        assertServerError("billing lines", Http.get(stack.services.url(Service.BILLING) + "/api/v1/suppliers/" + SUPPLIER
                + "/billing-lines?caseId=" + CASE, supplierToken), output);
        assertThat(serverErrorsCounted(Service.BILLING)).isEqualTo(before + 1);
    }

    @Test
    void contractServiceAnswers500ProblemWithAnErrorId(CapturedOutput output) {
        double before = serverErrorsCounted(Service.CONTRACT);
        assertServerError("delivery point", Http.get(stack.services.url(Service.CONTRACT) + "/api/v1/delivery-points/"
                + PDL), output);
        assertThat(serverErrorsCounted(Service.CONTRACT)).isEqualTo(before + 1);
    }

    @Test
    void anAuthorizationDecisionIsStillA403AndAnUnknownCaseA404() {
        fr.grd.mes.client.Reply other = Http.get(stack.services.url(Service.BILLING) + "/api/v1/flow-holds", supplierToken);
        assertThat(other.status()).as(other.raw()).isEqualTo(403);
        assertThat(other.contentType()).startsWith("application/problem+json");
        fr.grd.mes.client.Reply missing = Http.get(stack.services.url(Service.REQUEST) + "/api/v1/cases/ZZNONE99", supplierToken);
        assertThat(missing.status()).as(missing.raw()).isEqualTo(404);
    }
}
