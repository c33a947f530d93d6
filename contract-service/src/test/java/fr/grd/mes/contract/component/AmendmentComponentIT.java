package fr.grd.mes.contract.component;

import fr.grd.mes.testsupport.Http;
import fr.grd.mes.contract.domain.amendment.AmendmentFixture;
import fr.grd.mes.events.Topics;
import fr.grd.mes.contract.ContractServiceApplication;
import fr.grd.mes.testsupport.ComponentStack;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "Avenant L. 342-2" through contract-service over HTTP: the template's validation, the Annexe 3 computation,
 * the lifecycle (issue, pieces, acceptance, expiry, municipality refusal, overdue connection agreement, price
 * revision, late-delivery indemnity) with its events on Kafka, and the PDF document; contract-service alone on a
 * real broker and store.
 */
class AmendmentComponentIT {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static ComponentStack stack;
    private static String url;

    @BeforeAll
    static void stack() {
        stack = ComponentStack.start(ContractServiceApplication::builder, "mes_contract");
        url = stack.url() + "/api/v1/amendments";
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static LocalDate today() {
        return LocalDate.now(stack.clock.withZone(PARIS));
    }

    private static String number() {
        return "AV-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static List<String> fields(fr.grd.mes.client.Reply response) {
        return StreamSupport.stream(response.body().get("errors").spliterator(), false)
                .map(e -> e.get("field").asString()).toList();
    }

    @Test
    void theTemplateIsValidatedGroupByGroupAndEveryProblemIsNamed() {
        var empty = Http.post(url, Map.of());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.contentType()).startsWith("application/problem+json");
        assertThat(fields(empty)).contains("amendmentNumber", "validUntil", "htbImpact.choice", "htaSolution.choice",
                "deliveryPoint.choice", "metering.choice", "protection.choice", "contributionBasis.choice",
                "deposit.choice", "signature.choice", "annex1.choice", "contributionLines", "contact",
                "dispatch.choice", "paymentEntity", "consuelAddress", "complaintsEntity", "economicConditionsDate",
                "enedisOrrWorks.description");

        Map<String, Object> mixed = new LinkedHashMap<>(AmendmentFixture.terms(number(), today(), false));
        mixed.put("htaSolution", Map.of("feedingScheme", "ANTENNE", "supplyVoltageKv", 20, "choice", "HTA1",
                "laying", "AERIENNE", "sectionMm2", 148, "conductor", "ALU", "lengthM", 100, "lengthOnSiteM", 120,
                "replacedLengthM", 40));
        mixed.put("metering", Map.of("choice", "BT", "voltageKv", 20));
        mixed.put("deposit", Map.of("choice", "LOCAL_AUTHORITY", "percentage", "30"));
        mixed.put("contributionBasis", Map.of("basis", "FCS", "firmness", "ESTIMATE"));
        mixed.put("connectionVoltageKv", 10);
        var response = Http.post(url, mixed);
        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).contains("htaSolution.replacedLengthM", "htaSolution.lengthOnSiteM",
                "metering.voltageKv", "deposit.percentage", "contributionBasis.firmness", "connectionVoltageKv");

        Map<String, Object> badLine = new LinkedHashMap<>(AmendmentFixture.terms(number(), today(), false));
        badLine.put("contributionLines", List.of(AmendmentFixture.line("x", "FCS", "HORR", "1", "10", "40", "20")));
        assertThat(Http.post(url, badLine).status()).isEqualTo(400);
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> hostileTemplates() {
        return java.util.stream.Stream.of(
                hostile("three VAT rates", "contributionLines", List.of(
                        AmendmentFixture.line("a", "FCS", "ORR", "1", "10.00", "40", "20"),
                        AmendmentFixture.line("b", "FCS", "ORR", "1", "10.00", "40", "10"),
                        AmendmentFixture.line("c", "FCS", "ORR", "1", "10.00", "40", "5.5"))),
                hostile("a VAT rate with three decimals", "contributionLines[0].vatRate", List.of(
                        AmendmentFixture.line("a", "FCS", "ORR", "1", "1000.00", "40", "5.555"))),
                hostile("a unit price of 1e30", "contributionLines[0].unitPrice", List.of(
                        AmendmentFixture.line("a", "FCS", "ORR", "1", "1e30", "40", "20"))),
                // refused by the line itself as it is read (its invariant), so the problem names the line
                hostile("a negative quantity", "contributionLines[0]", List.of(
                        AmendmentFixture.line("a", "FCS", "ORR", "-1", "10.00", "40", "20"))),
                hostile("a réfaction on the SRRRER quota", "contributionLines[0].refactionRate", List.of(
                        AmendmentFixture.line("Quote Part SRRRER", "SRRRER", "ORR", "250", "12.34", "40", "20"))));
    }

    private static org.junit.jupiter.params.provider.Arguments hostile(String name, String field, Object lines) {
        return org.junit.jupiter.params.provider.Arguments.of(name, field, lines);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} → 400 naming {1}, nothing stored")
    @org.junit.jupiter.params.provider.MethodSource("hostileTemplates")
    void aHostileAnnexe3IsRefusedNamingTheFieldAndNothingIsStored(String name, String field, Object lines) {
        String id = number();
        Map<String, Object> terms = new LinkedHashMap<>(AmendmentFixture.terms(id, today(), false));
        terms.put("contributionLines", lines);
        var refused = Http.post(url, terms);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(fields(refused)).contains(field);
        assertThat(refused.body().get("detail").asString()).as("the reason is told").isNotBlank();
        assertThat(Http.get(url + "/" + id).status()).as("nothing stored").isEqualTo(404);
    }

    @Test
    void aDepositPercentageThatIsNotAOverCIsRefusedAndNothingIsStored() {
        String id = number();
        Map<String, Object> terms = new LinkedHashMap<>(AmendmentFixture.terms(id, today(), false));
        terms.put("deposit", Map.of("choice", "NOT_LOCAL_AUTHORITY", "percentage", "36.2"));
        var refused = Http.post(url, terms);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(fields(refused)).containsExactly("deposit.percentage");
        assertThat(refused.raw()).contains("29.65");
        assertThat(Http.get(url + "/" + id).status()).isEqualTo(404);
    }

    @Test
    void anAmendmentIsComputedIssuedAcceptedWithAllItsPiecesAndRenderedAsAPdf() throws Exception {
        String id = number();
        var terms = AmendmentFixture.terms(id, today(), false);
        terms.put("communeFinancesExtension", true);
        var created = Http.post(url, terms);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        JsonNode contribution = created.body().get("contribution");
        assertThat(contribution.get("worksTotal").asString()).isEqualTo("17437.70");
        assertThat(contribution.get("refaction").asString()).isEqualTo("4716.28");
        assertThat(contribution.get("totalExclTax").asString()).isEqualTo("12721.42");
        assertThat(contribution.get("totalInclTax").asString()).isEqualTo("15265.70");
        assertThat(created.body().get("depositDue").asString()).isEqualTo("4526.57");
        assertThat(created.body().get("mandataireWorks").asString()).isEqualTo("35278.58");
        assertThat(created.body().get("depositPercentage").asString()).isEqualTo("29.65");
        assertThat(Http.post(url, AmendmentFixture.terms(id, today(), false)).status()).isEqualTo(409);

        try (KafkaConsumer<String, String> events = consumer()) {
            assertThat(Http.putBytes(url + "/" + id + "/connection-diagram", "image/png",
                    AmendmentFixture.diagramPng()).status()).isEqualTo(200);
            assertThat(Http.post(url + "/" + id + "/issue", Map.of()).body().get("status").asString()).isEqualTo("ISSUED");
            for (String piece : List.of("SIGNED_AMENDMENT", "SIGNED_MANDATE_CONTRACT", "FINANCIAL_GUARANTEE",
                    "INSURANCE_CERTIFICATE")) {
                JsonNode view = Http.post(url + "/" + id + "/pieces", Map.of("piece", piece)).body();
                assertThat(view.get("status").asString()).isEqualTo("ISSUED");
            }
            assertThat(Http.post(url + "/" + id + "/pieces", Map.of("piece", "SERVICE_ORDER")).status()).isEqualTo(400);
            JsonNode accepted = Http.post(url + "/" + id + "/pieces", Map.of("piece", "DEPOSIT_PAYMENT")).body();
            assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
            assertThat(accepted.get("depositCashed").asString()).isEqualTo("4526.57");
            assertThat(accepted.get("connectionAgreementDue").asString()).isEqualTo(today().plusWeeks(12).toString());

            // the municipality agrees later: the agreement is due 12 weeks after its decision
            LocalDate decision = today().plusWeeks(2);
            JsonNode agreed = Http.post(url + "/" + id + "/municipality-decision",
                    Map.of("agreed", true, "decidedOn", decision.toString())).body();
            assertThat(agreed.get("connectionAgreementDue").asString()).isEqualTo(decision.plusWeeks(12).toString());

            // price revision: firm within a year of this amendment, revised by the index beyond
            JsonNode firm = Http.post(url + "/" + id + "/price-revision", Map.of("requesterWorksFinishedOn",
                    today().plusMonths(6).toString(), "indexRatio", "1.05")).body();
            assertThat(firm.get("firm").asBoolean()).isTrue();
            assertThat(firm.get("totalExclTax").asString()).isEqualTo("12721.42");
            JsonNode revised = Http.post(url + "/" + id + "/price-revision", Map.of("requesterWorksFinishedOn",
                    today().plusMonths(14).toString(), "indexRatio", "1.05", "newVatRate", "20")).body();
            assertThat(revised.get("firm").asBoolean()).isFalse();
            // deposits paid A + MT_DAR = 5526.57, HT share 5526.57 × 12721.42 / 15265.70 = 4605.48 ;
            // (12721.42 − 4605.48) × 1.05 + 4605.48 = 13127.22 HT, + 20 % = 15752.66 TTC, less 5526.57 = 10226.09 due
            assertThat(revised.get("totalExclTax").asString()).isEqualTo("13127.22");
            assertThat(revised.get("totalInclTax").asString()).isEqualTo("15752.66");
            assertThat(revised.get("balanceDue").asString()).isEqualTo("10226.09");

            // the same revision from loaded barème indexes: 105.0 / 100.0
            java.time.YearMonth pdrMonth = java.time.YearMonth.from(today());
            java.time.YearMonth worksMonth = java.time.YearMonth.from(today().plusMonths(14));
            assertThat(Http.put(url + "/bareme-index/" + pdrMonth, Map.of("value", "100.0")).status()).isEqualTo(200);
            assertThat(Http.post(url + "/" + id + "/price-revision", Map.of("requesterWorksFinishedOn",
                    today().plusMonths(14).toString())).status()).isEqualTo(409);
            Http.put(url + "/bareme-index/" + worksMonth, Map.of("value", "105.0"));
            assertThat(Http.post(url + "/" + id + "/price-revision", Map.of("requesterWorksFinishedOn",
                    today().plusMonths(14).toString(), "newVatRate", "20")).body().get("totalExclTax").asString())
                    .isEqualTo("13127.22");

            // §9: the distributor's works are finished: the balance (firm here) is C − A − MT_DAR, due 30 days later
            LocalDate worksEnd = today().plusWeeks(20);
            var invoiced = Http.post(url + "/" + id + "/distributor-works-completed", Map.of("completedOn",
                    worksEnd.toString(), "requesterWorksFinishedOn", today().plusMonths(4).toString(), "indexRatio", "1"));
            assertThat(invoiced.status()).as(invoiced.raw()).isEqualTo(200);
            assertThat(invoiced.body().get("balance").get("amountInclTax").asString()).isEqualTo("9739.13");
            assertThat(invoiced.body().get("balance").get("dueOn").asString()).isEqualTo(worksEnd.plusDays(30).toString());
            assertThat(Http.post(url + "/" + id + "/distributor-works-completed", Map.of("requesterWorksFinishedOn",
                    today().plusMonths(4).toString(), "indexRatio", "1")).status()).as("invoiced once").isEqualTo(409);

            // §13: not late before the agreed date
            var early = Http.post(url + "/" + id + "/late-delivery-claim", Map.of("admissible", true));
            assertThat(early.status()).as(early.raw()).isEqualTo(409);
            assertThat(early.body().get("detail").asString()).contains("not late");

            List<String> types = new ArrayList<>();
            await().until(() -> {
                events.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (id.equals(r.key())) {
                        types.add(Http.JSON.readTree(r.value()).get("eventType").asString());
                    }
                });
                return types.contains("AmendmentBalanceInvoiced");
            });
            assertThat(types).containsSubsequence("AmendmentIssued", "AmendmentAccepted", "AmendmentBalanceInvoiced");
        }

        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/" + id
                + "/document")).header("Authorization", "Bearer " + stack.tokens.distributor()).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        String text;
        try (var document = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(document);
        }
        // the template itself, amounts with a no-break space between thousands (the document test checks every option)
        String nbsp = "\u00a0";
        text = text.replaceAll("\\s*\\n\\s*", " ");
        assertThat(text).contains("Avenant L.342-2¹ n°" + id, "PDR-2026-0457", "Puissance de Raccordement de 1800 kW",
                "alimenté en coupure d'artère", "240 mm² Alu", "correspond au raccordement de référence",
                "il est installé en HTA sous une tension de 20 kV", "pose d'un interrupteur aérien télécommandé",
                "sur la base des Formules de Coûts Simplifiée (FCS)", "est ferme et définitif", "Annexe 3",
                "12" + nbsp + "721,42", "15" + nbsp + "265,70", "4" + nbsp + "526,57", "35" + nbsp + "278,58",
                "Signature informatique", "deux exemplaires originaux", "CONSUEL", "Agence Raccordement Grands Projets",
                "création d'un départ HTA depuis le Poste Source", "la vérification et le réglage des protections HTA",
                "génie civil du poste de livraison", "acompte de 29,65% du montant TTC");
        assertThat(text).doesNotContain("en remplacement d'une canalisation HTB", "il est installé en BT",
                "fourchette de +/- 15%", "et de l'ordre de service correspondant", "[", "@if");
    }

    @Test
    void missingPiecesAtTheValidityDateExpireTheAmendmentAndARefusedExtensionVoidsAnAcceptance() {
        String expiring = number();
        assertThat(Http.post(url, AmendmentFixture.terms(expiring, today(), false)).status()).isEqualTo(201);
        assertThat(Http.putBytes(url + "/" + expiring + "/connection-diagram", "image/png",
                AmendmentFixture.diagramPng()).status()).isEqualTo(200);
        Http.post(url + "/" + expiring + "/issue", Map.of());
        Http.post(url + "/" + expiring + "/pieces", Map.of("piece", "SIGNED_AMENDMENT"));

        String local = number();
        var localTerms = AmendmentFixture.terms(local, today(), true);
        localTerms.put("communeFinancesExtension", true);
        assertThat(Http.post(url, localTerms).body().get("depositDue").asString()).isEqualTo("0.00");
        assertThat(Http.putBytes(url + "/" + local + "/connection-diagram", "image/png",
                AmendmentFixture.diagramPng()).status()).isEqualTo(200);
        Http.post(url + "/" + local + "/issue", Map.of());
        for (String piece : List.of("SIGNED_AMENDMENT", "SIGNED_MANDATE_CONTRACT", "FINANCIAL_GUARANTEE",
                "INSURANCE_CERTIFICATE", "SERVICE_ORDER")) {
            Http.post(url + "/" + local + "/pieces", Map.of("piece", piece));
        }
        assertThat(Http.get(url + "/" + local).body().get("status").asString()).isEqualTo("ACCEPTED");
        JsonNode voided = Http.post(url + "/" + local + "/municipality-decision", Map.of("agreed", false)).body();
        assertThat(voided.get("status").asString()).isEqualTo("VOIDED");
        assertThat(voided.get("refunded").asString()).as("no deposit A; the PRAC deposit goes back").isEqualTo("1000.00");

        String overdue = number();
        Http.post(url, AmendmentFixture.terms(overdue, today(), false));
        var notFinancing = Http.post(url + "/" + overdue + "/municipality-decision", Map.of("agreed", false));
        assertThat(notFinancing.status()).as("the commune does not finance this extension").isEqualTo(409);
        assertThat(Http.putBytes(url + "/" + overdue + "/connection-diagram", "image/png",
                AmendmentFixture.diagramPng()).status()).isEqualTo(200);
        Http.post(url + "/" + overdue + "/issue", Map.of());
        for (String piece : List.of("SIGNED_AMENDMENT", "SIGNED_MANDATE_CONTRACT", "FINANCIAL_GUARANTEE",
                "INSURANCE_CERTIFICATE", "DEPOSIT_PAYMENT")) {
            Http.post(url + "/" + overdue + "/pieces", Map.of("piece", piece));
        }

        LocalDate validUntil = today().plusMonths(3);
        stack.clock.advanceTo(validUntil.plusDays(1).atTime(9, 0).atZone(PARIS).toInstant());
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "EXPIRED".equals(Http.get(url + "/" + expiring).body().get("status").asString()));
        JsonNode expired = Http.get(url + "/" + expiring).body();
        assertThat(expired.get("depositCashed").isNull()).isTrue();
        assertThat(Http.post(url + "/" + expiring + "/pieces", Map.of("piece", "FINANCIAL_GUARANTEE")).status())
                .isEqualTo(409);

        stack.clock.advanceTo(validUntil.plusWeeks(13).atTime(9, 0).atZone(PARIS).toInstant());
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Http.get(url + "/" + overdue).body().get("connectionAgreementOverdue").asBoolean());
    }

    /** Accepted over HTTP: drafted, its diagram attached, issued, every piece received. */
    private static String accepted() {
        String id = number();
        assertThat(Http.post(url, AmendmentFixture.terms(id, today(), false)).status()).isEqualTo(201);
        assertThat(Http.putBytes(url + "/" + id + "/connection-diagram", "image/png",
                AmendmentFixture.diagramPng()).status()).isEqualTo(200);
        assertThat(Http.post(url + "/" + id + "/issue", Map.of()).status()).isEqualTo(200);
        for (String piece : List.of("SIGNED_AMENDMENT", "SIGNED_MANDATE_CONTRACT", "FINANCIAL_GUARANTEE",
                "INSURANCE_CERTIFICATE", "DEPOSIT_PAYMENT")) {
            Http.post(url + "/" + id + "/pieces", Map.of("piece", piece));
        }
        assertThat(Http.get(url + "/" + id).body().get("status").asString()).isEqualTo("ACCEPTED");
        return id;
    }

    @Test
    void clause9TheUnpaidBalanceIsRemindedAWeekBeforeItsDueDateThenFlaggedOverdueOnTheSharedClock() {
        String id = accepted();
        LocalDate worksEnd = today();
        var invoiced = Http.post(url + "/" + id + "/distributor-works-completed", Map.of("completedOn",
                worksEnd.toString(), "requesterWorksFinishedOn", worksEnd.toString()));
        assertThat(invoiced.status()).as(invoiced.raw()).isEqualTo(200);
        LocalDate due = worksEnd.plusDays(30);
        assertThat(invoiced.body().get("balance").get("dueOn").asString()).isEqualTo(due.toString());
        assertThat(invoiced.body().get("balance").get("overdue").asBoolean()).isFalse();
        try (KafkaConsumer<String, String> events = consumer()) {
            List<String> types = new ArrayList<>();
            java.util.function.Supplier<List<String>> read = () -> {
                events.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (id.equals(r.key())) {
                        types.add(Http.JSON.readTree(r.value()).get("eventType").asString());
                    }
                });
                return types;
            };
            stack.clock.advanceTo(due.minusDays(7).atTime(9, 0).atZone(PARIS).toInstant());
            await().atMost(Duration.ofSeconds(30)).until(() -> read.get().contains("AmendmentBalanceReminder"));
            assertThat(Http.get(url + "/" + id).body().get("balance").get("overdue").asBoolean())
                    .as("reminded, not yet overdue").isFalse();
            assertThat(types).doesNotContain("AmendmentBalanceOverdue");

            stack.clock.advanceTo(due.plusDays(1).atTime(9, 0).atZone(PARIS).toInstant());
            await().atMost(Duration.ofSeconds(30)).until(() -> read.get().contains("AmendmentBalanceOverdue"));
            assertThat(Http.get(url + "/" + id).body().get("balance").get("overdue").asBoolean()).isTrue();
            assertThat(types).containsSubsequence("AmendmentBalanceInvoiced", "AmendmentBalanceReminder",
                    "AmendmentBalanceOverdue");
            assertThat(types.stream().filter("AmendmentBalanceReminder"::equals)).as("reminded once").hasSize(1);
        }
        JsonNode paid = Http.post(url + "/" + id + "/balance-payment", Map.of()).body();
        assertThat(paid.get("balance").get("paidOn").asString()).isEqualTo(today().toString());
    }

    @Test
    void annexe2TheDiagramIsAPictureAttachedToADraftServedBackAndNeededToIssue() throws Exception {
        String id = number();
        assertThat(Http.post(url, AmendmentFixture.terms(id, today(), false)).status()).isEqualTo(201);
        var withoutDiagram = Http.post(url + "/" + id + "/issue", Map.of());
        assertThat(withoutDiagram.status()).isEqualTo(409);
        assertThat(withoutDiagram.body().get("detail").asString()).contains("Annexe 2");

        assertThat(Http.get(url + "/" + id + "/connection-diagram").status()).isEqualTo(404);
        var notAPicture = Http.putBytes(url + "/" + id + "/connection-diagram", "image/png",
                "<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(notAPicture.status()).isEqualTo(400);
        assertThat(notAPicture.contentType()).startsWith("application/problem+json");
        assertThat(fields(notAPicture)).containsExactly("connectionDiagram");
        var pdf = Http.putBytes(url + "/" + id + "/connection-diagram", "application/pdf", new byte[]{'%', 'P', 'D', 'F'});
        assertThat(pdf.status()).isEqualTo(415);
        assertThat(pdf.contentType()).startsWith("application/problem+json");
        assertThat(Http.get(url + "/" + id).body().get("connectionDiagram").isNull()).as("nothing attached").isTrue();
        byte[] tooLarge = java.util.Arrays.copyOf(AmendmentFixture.diagramPng(), 5 * 1024 * 1024);
        var refusedSize = Http.putBytes(url + "/" + id + "/connection-diagram", "image/png", tooLarge);
        assertThat(refusedSize.status()).isEqualTo(413);
        assertThat(refusedSize.contentType()).startsWith("application/problem+json");
        // a real APS drawing: a 2 400 × 1 600 scan of about 1 MiB, far above the 64 KiB of a JSON body
        byte[] scan = AmendmentFixture.diagramScan(2400, 1600);
        assertThat(scan.length).isGreaterThan(512 * 1024);
        var attachedScan = Http.putBytes(url + "/" + id + "/connection-diagram", "image/png", scan);
        assertThat(attachedScan.status()).as(attachedScan.raw()).isEqualTo(200);

        byte[] png = AmendmentFixture.diagramPng(1000, 500);
        var attached = Http.putBytes(url + "/" + id + "/connection-diagram", "image/png", png);
        assertThat(attached.status()).as(attached.raw()).isEqualTo(200);
        assertThat(attached.body().get("connectionDiagram").get("widthPx").asInt()).isEqualTo(1000);
        assertThat(Http.bytes(url + "/" + id + "/connection-diagram")).isEqualTo(png);
        assertThat(Http.post(url + "/" + id + "/issue", Map.of()).status()).isEqualTo(200);
        assertThat(Http.putBytes(url + "/" + id + "/connection-diagram", "image/png",
                AmendmentFixture.diagramPng()).status()).as("fixed once issued").isEqualTo(409);
        assertThat(Http.bytes(url + "/" + id + "/connection-diagram")).isEqualTo(png);

        try (var document = Loader.loadPDF(Http.bytes(url + "/" + id + "/document"))) {
            assertThat(new PDFTextStripper().getText(document)).contains("SOMMAIRE", "Schéma joint le",
                    "(1000 × 500 px");
        }
    }

    private static KafkaConsumer<String, String> consumer() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "amendments-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(Topics.AMENDMENTS));
        return consumer;
    }
}
