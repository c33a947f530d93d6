package fr.grd.mes.localstack;

import fr.grd.mes.localstack.ServiceStack.Service;
import fr.grd.mes.support.time.BusinessCalendar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SGE-format files as suppliers receive them: F15 (billing, two documents), C15 (perimeter) and X12 (case
 * tracking), zipped, named like the real files, numbered without gaps per supplier and flow, exported on demand
 * and daily; every XML document is validated here against the official XSDs with the JDK's schema validator.
 */
class SgeFilesIT {
    private static final String SUPPLIER = "FOURN-FILES";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Map<String, String> XSD = Map.of(
            "donnees_generales", "sge-xsd/GRD.XSD.0302.Flux_F15_Donnees_Generales_v3.3.2.xsd",
            "detail_facturation", "sge-xsd/GRD.XSD.0299.Flux_F15_Donnees_Detail_v3.3.2.xsd",
            "_C15_", "sge-xsd/GRD.XSD.0301.Flux_C15_v4.1.1.xsd",
            "_X12_", "sge-xsd/X12-suivi-affaires-mes.xsd");
    private static final Map<String, Service> SERVICE_OF = Map.of("F15", Service.BILLING, "C15", Service.CONTRACT,
            "X12", Service.REQUEST);
    private static TestStack stack;
    private static String token;

    @BeforeAll
    static void stack() {
        stack = TestStack.get();
        token = stack.issuer.mint("files-user", List.of("SUPPLIER"), SUPPLIER, Duration.ofHours(2));
    }

    private static String completedCase(String result) {
        LocalDate date = new BusinessCalendar().addBusinessDays(LocalDate.now(stack.clock.withZone(PARIS)), 1);
        CaseFixture.capacity(stack, "ZONE-FILES", date, 3, 3);
        String pdl = CaseFixture.deliveryPoint(stack, "ZONE-FILES", "COUP");
        Map<String, Object> body = new LinkedHashMap<>(CaseFixture.request(pdl, SUPPLIER, "STANDARD", date, "AM"));
        String caseId = Http.post(stack.services.url(Service.REQUEST) + "/api/v1/requests", body, token).body()
                .get("caseId").asString();
        Cases.await(stack, caseId, c -> Cases.milestones(c).contains("INPL"));
        stack.clock.advanceTo(date.atTime(10, 0).atZone(PARIS).toInstant());
        Map<String, Object> outcome = "COMPLETED".equals(result) ? Map.of("result", result, "meterIndex", 24_680)
                : Map.of("result", result);
        assertThat(Http.post(stack.services.url(Service.SCHEDULING) + "/api/v1/appointments/" + caseId + "-R1/outcome",
                outcome).status()).isEqualTo(200);
        Cases.await(stack, caseId, c -> "TERMN".equals(c.get("status").asString()));
        await().until(() -> Http.get(stack.services.url(Service.BILLING) + "/api/v1/suppliers/" + SUPPLIER
                + "/billing-lines?caseId=" + caseId).body().size() > 0);
        if ("COMPLETED".equals(result)) {
            await().until(() -> Http.get(stack.services.url(Service.CONTRACT) + "/api/v1/suppliers/" + SUPPLIER
                    + "/perimeter/" + pdl).status() == 200);
        }
        return caseId;
    }

    private static Http.Response export(String flow) {
        return Http.post(stack.services.url(SERVICE_OF.get(flow)) + "/api/v1/suppliers/" + SUPPLIER + "/files/" + flow,
                Map.of(), token);
    }

    private static Map<String, String> download(String flow, String fileName) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        stack.services.url(SERVICE_OF.get(flow)) + "/api/v1/suppliers/" + SUPPLIER + "/files/" + fileName))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/zip");
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    private static void assertValid(String entryName, String xml) throws Exception {
        String xsd = XSD.entrySet().stream().filter(e -> entryName.contains(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElseThrow(() -> new AssertionError("no schema for " + entryName));
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.newSchema(SgeFilesIT.class.getClassLoader().getResource(xsd)).newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
    }

    private static List<JsonNode> files(String flow) {
        var list = Http.get(stack.services.url(SERVICE_OF.get(flow)) + "/api/v1/suppliers/" + SUPPLIER + "/files?flow="
                + flow, token);
        assertThat(list.status()).isEqualTo(200);
        return StreamSupport.stream(list.body().spliterator(), false).toList();
    }

    /** Every file of the flow: numbered 1..n without gaps, periods end to end, valid, named like SGE files. */
    private static String checkedContent(String flow) throws Exception {
        List<JsonNode> files = files(flow);
        StringBuilder all = new StringBuilder();
        String previousEnd = "1970-01-01T00:00:00Z";
        for (int i = 0; i < files.size(); i++) {
            JsonNode file = files.get(i);
            assertThat(file.get("sequence").asInt()).isEqualTo(i + 1);
            assertThat(file.get("periodFrom").asString()).isEqualTo(previousEnd);
            previousEnd = file.get("periodTo").asString();
            assertThat(file.get("fileName").asString()).matches("GRD_" + flow + "_" + SUPPLIER + "_GRDF-FOURNFILES_"
                    + String.format("%05d", i + 1) + "_\\d{14}\\.zip");
            Map<String, String> entries = download(flow, file.get("fileName").asString());
            assertThat(entries).hasSize("F15".equals(flow) ? 2 : 1);
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                assertValid(entry.getKey(), entry.getValue());
                all.append(entry.getValue());
            }
        }
        return all.toString();
    }

    private static void tick() {
        stack.clock.advance(Duration.ofMinutes(1));
    }

    @Test
    void filesAreNamedNumberedWithoutGapsValidAgainstTheXsdsAndOnlyTheSuppliers() throws Exception {
        String first = completedCase("COMPLETED");
        String second = completedCase("CLIENT_ABSENT");
        tick();
        for (String flow : List.of("F15", "C15", "X12")) {
            Http.Response created = export(flow);
            assertThat(created.status()).as(flow + " " + created.raw()).isIn(201, 204);
            String all = checkedContent(flow);
            switch (flow) {
                case "F15" -> assertThat(all).contains("<Id_Affaire>" + first + "</Id_Affaire>",
                        "<Id_Affaire>" + second + "</Id_Affaire>", "<Id_EV>F120B</Id_EV>", "<Montant_HT>20.00</Montant_HT>",
                        "<Id_EV>F140</Id_EV>", "<Montant_HT>30.00</Montant_HT>");
                case "C15" -> assertThat(all).contains("<Nature_Evenement>MES</Nature_Evenement>",
                        "<Id_Affaire>" + first + "</Id_Affaire>", "<Valeur>24680</Valeur>",
                        "<Etat_Alimentation>ALIM</Etat_Alimentation>").doesNotContain(second);
                default -> assertThat(all).contains("<affaire id=\"" + first + "\">", "code=\"CPRE\"",
                        "<affaire id=\"" + second + "\">", "code=\"CPNR\"", "code=\"TERMN\"", "code=\"MES\"");
            }
            // nothing new since: no empty file, no sequence number used
            int count = files(flow).size();
            assertThat(export(flow).status()).isEqualTo(204);
            assertThat(files(flow)).hasSize(count);
        }

        // the next file continues where the previous one ended, with the next number
        String third = completedCase("COMPLETED");
        tick();
        for (String flow : List.of("F15", "C15", "X12")) {
            int before = files(flow).size();
            Http.Response created = export(flow);
            if (created.status() == 201) {
                assertThat(created.body().get("sequence").asInt()).isEqualTo(before + 1);
            }
            assertThat(checkedContent(flow)).contains(third);
        }

        // the daily export, on the shared clock: the day after new records, their files appear by themselves
        String fourth = completedCase("COMPLETED");
        Map<String, Integer> before = new LinkedHashMap<>();
        List.of("F15", "C15", "X12").forEach(flow -> before.put(flow, files(flow).size()));
        LocalDate recordDay = LocalDate.now(stack.clock.withZone(PARIS));
        stack.clock.advanceTo(recordDay.plusDays(1).atTime(6, 0).atZone(PARIS).toInstant());
        for (String flow : List.of("F15", "C15", "X12")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> files(flow).size() == before.get(flow) + 1);
            assertThat(checkedContent(flow)).contains(fourth);
        }

        // another supplier sees none of it
        String other = stack.issuer.mint("other", List.of("SUPPLIER"), "FOURN-OTHER", Duration.ofHours(1));
        String someFile = files("F15").get(0).get("fileName").asString();
        assertThat(Http.get(stack.services.url(Service.BILLING) + "/api/v1/suppliers/" + SUPPLIER + "/files", other).status())
                .isEqualTo(404);
        assertThat(Http.get(stack.services.url(Service.BILLING) + "/api/v1/suppliers/" + SUPPLIER + "/files/" + someFile,
                other).status()).isEqualTo(404);
        assertThat(Http.post(stack.services.url(Service.BILLING) + "/api/v1/suppliers/" + SUPPLIER + "/files/F15", Map.of(),
                other).status()).isEqualTo(404);
    }
}
