package fr.grd.mes.localstack;

import fr.grd.mes.testsupport.Http;
import fr.grd.mes.localstack.ServiceStack.Service;
import fr.grd.mes.support.time.BusinessCalendar;
import tools.jackson.databind.JsonNode;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
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
 * One supplier's SGE-format files as the supplier reads them: its token, its closed cases made through the
 * public APIs, the export, list and download calls, and each XML entry checked against the official XSDs with
 * the JDK's schema validator (not this project's own reading of the formats).
 */
final class SupplierFiles {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final List<String> FLOWS = List.of("F15", "C15", "X12");
    /** How suppliers' readers select the inner files (CONVENTIONS.md), and the schema of what each selects. */
    private static final Map<java.util.regex.Pattern, String> XSD = Map.of(
            java.util.regex.Pattern.compile(".*_FA\\.xml"), "sge-xsd/GRD.XSD.0302.Flux_F15_Donnees_Generales_v3.3.2.xsd",
            java.util.regex.Pattern.compile(".*FL_\\d+_\\d+\\.xml"), "sge-xsd/GRD.XSD.0299.Flux_F15_Donnees_Detail_v3.3.2.xsd",
            java.util.regex.Pattern.compile(".*_C15_.*\\.xml"), "sge-xsd/GRD.XSD.0301.Flux_C15_v4.1.1.xsd",
            java.util.regex.Pattern.compile(".*_X1[23]_.*\\.xml"), "sge-xsd/X12-suivi-affaires-mes.xsd");
    /** The distributor's EIC (the services' default {@code mes.files.issuer}) and regional direction. */
    static final String ISSUER = "17X100A100A0001A";
    static final String DIR = "0321";
    private static final Map<String, Service> SERVICE_OF = Map.of("F15", Service.BILLING, "C15", Service.CONTRACT,
            "X12", Service.REQUEST);

    final TestStack stack;
    final String supplier;
    final String token;
    private final String zone;

    private final String eic;
    private final String contract;

    /** A supplier registered with names of the real form derived from its id. */
    SupplierFiles(TestStack stack, String supplier, String zone) {
        this(stack, supplier, zone, fr.grd.mes.support.port.SupplierIdentity.derived().eicOf(supplier),
                fr.grd.mes.support.port.SupplierIdentity.derived().contractOf(supplier));
    }

    /** A supplier registered in contract-service's registry with this EIC and GRD-F contract. */
    SupplierFiles(TestStack stack, String supplier, String zone, String eic, String contract) {
        this.stack = stack;
        this.supplier = supplier;
        this.zone = zone;
        this.eic = eic;
        this.contract = contract;
        this.token = stack.issuer.mint(supplier.toLowerCase() + "-user", List.of("SUPPLIER"), supplier,
                Duration.ofHours(2));
        CaseFixture.registerSupplier(stack, supplier, eic, contract);
    }

    static Service serviceOf(String flow) {
        return SERVICE_OF.get(flow);
    }

    /** A request of this supplier taken to its end (COMPLETED with index 24680, or CLIENT_ABSENT) and billed. */
    String completedCase(String result) {
        return completedCases(List.of(result)).get(0);
    }

    /** Requests of this supplier with interventions on the same day (the next business day), one per result. */
    List<String> completedCases(List<String> results) {
        LocalDate date = new BusinessCalendar().addBusinessDays(LocalDate.now(stack.clock.withZone(PARIS)), 1);
        CaseFixture.capacity(stack, zone, date, 3 * results.size(), 3);
        List<String> pdls = new java.util.ArrayList<>();
        List<String> caseIds = new java.util.ArrayList<>();
        for (String ignored : results) {
            String pdl = CaseFixture.deliveryPoint(stack, zone, "COUP");
            Map<String, Object> body = new LinkedHashMap<>(CaseFixture.request(pdl, supplier, "STANDARD", date, "AM"));
            String caseId = Http.post(stack.services.url(Service.REQUEST) + "/api/v1/requests", body, token).body()
                    .get("caseId").asString();
            Cases.await(stack, caseId, c -> Cases.milestones(c).contains("INPL"));
            pdls.add(pdl);
            caseIds.add(caseId);
        }
        stack.clock.advanceTo(date.atTime(10, 0).atZone(PARIS).toInstant());
        for (int i = 0; i < results.size(); i++) {
            String result = results.get(i);
            String caseId = caseIds.get(i);
            Map<String, Object> outcome = "COMPLETED".equals(result) ? Map.of("result", result, "meterIndex", 24_680)
                    : Map.of("result", result);
            assertThat(Http.post(stack.services.url(Service.SCHEDULING) + "/api/v1/appointments/" + caseId
                    + "-R1/outcome", outcome).status()).isEqualTo(200);
            Cases.await(stack, caseId, c -> "TERMN".equals(c.get("status").asString()));
            await().until(() -> Http.get(stack.services.url(Service.BILLING) + "/api/v1/suppliers/" + supplier
                    + "/billing-lines?caseId=" + caseId).body().size() > 0);
            if ("COMPLETED".equals(result)) {
                String pdl = pdls.get(i);
                await().until(() -> Http.get(stack.services.url(Service.CONTRACT) + "/api/v1/suppliers/" + supplier
                        + "/perimeter/" + pdl).status() == 200);
            }
        }
        return caseIds;
    }

    fr.grd.mes.client.Reply export(String flow) {
        return Http.post(stack.services.url(SERVICE_OF.get(flow)) + "/api/v1/suppliers/" + supplier + "/files/" + flow,
                Map.of(), token);
    }

    Map<String, String> download(String flow, String fileName) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        stack.services.url(SERVICE_OF.get(flow)) + "/api/v1/suppliers/" + supplier + "/files/" + fileName))
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

    static void assertValid(String entryName, String xml) throws Exception {
        String xsd = XSD.entrySet().stream().filter(e -> e.getKey().matcher(entryName).matches()).map(Map.Entry::getValue)
                .findFirst().orElseThrow(() -> new AssertionError("no schema for " + entryName));
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.newSchema(SupplierFiles.class.getClassLoader().getResource(xsd)).newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
    }

    List<JsonNode> files(String flow) {
        var list = Http.get(stack.services.url(SERVICE_OF.get(flow)) + "/api/v1/suppliers/" + supplier + "/files?flow="
                + flow, token);
        assertThat(list.status()).isEqualTo(200);
        return StreamSupport.stream(list.body().spliterator(), false).toList();
    }

    /** The supplier's EIC and contract as registered by {@link CaseFixture#registerSupplier}. */
    String receiverEic() {
        return eic;
    }

    String contract() {
        return contract;
    }

    /** The zip name's pattern of CONVENTIONS.md for this supplier's file {@code seq} of {@code flow}. */
    String zipPattern(String flow, int seq) {
        String s = String.format("%05d", seq);
        return switch (flow) {
            case "X12" -> ISSUER + "_X12_" + receiverEic() + "_" + s + "_\\d{14}\\.zip";
            case "F15" -> ISSUER + "_F15_" + receiverEic() + "_" + contract() + "_" + DIR + "_C_Z_0_D_" + s
                    + "_\\d{14}\\.zip";
            default -> ISSUER + "_C15_" + receiverEic() + "_" + contract() + "_" + DIR + "_" + s + "_\\d{14}\\.zip";
        };
    }

    /** Every file of the flow: numbered 1..n without gaps, periods end to end, valid, named like SGE files. */
    String checkedContent(String flow) throws Exception {
        List<JsonNode> files = files(flow);
        StringBuilder all = new StringBuilder();
        String previousEnd = "1970-01-01T00:00:00Z";
        for (int i = 0; i < files.size(); i++) {
            JsonNode file = files.get(i);
            assertThat(file.get("sequence").asInt()).isEqualTo(i + 1);
            assertThat(file.get("periodFrom").asString()).isEqualTo(previousEnd);
            previousEnd = file.get("periodTo").asString();
            assertThat(file.get("fileName").asString()).matches(zipPattern(flow, i + 1));
            all.append(checkedEntries(flow, file.get("fileName").asString()));
        }
        return all.toString();
    }

    /**
     * The XML of one file as a name-driven reader takes it: the inner files selected by the public patterns
     * (F15: the {@code _FA} general data, always present, and the {@code FL_<X>_<Y>} details), every "X of Y"
     * counter complete, each selected file valid against its XSD; nothing in the zip that no pattern selects.
     */
    String checkedEntries(String flow, String fileName) throws Exception {
        Map<String, String> entries = download(flow, fileName);
        String stem = fileName.substring(0, fileName.lastIndexOf('_'));
        java.util.regex.Pattern part = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(stem)
                + ("F15".equals(flow) ? "_FL_" : "_") + "(\\d{5})_(\\d{5})\\.xml");
        List<int[]> counters = new java.util.ArrayList<>();
        StringBuilder all = new StringBuilder();
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            java.util.regex.Matcher m = part.matcher(entry.getKey());
            if (m.matches()) {
                counters.add(new int[]{Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))});
            } else {
                assertThat(entry.getKey()).as("the only other file is the F15 general data")
                        .isEqualTo(stem + "_FA.xml");
                assertThat(flow).isEqualTo("F15");
            }
            assertValid(entry.getKey(), entry.getValue());
            all.append(entry.getValue());
        }
        if ("F15".equals(flow)) {
            assertThat(entries).containsKey(stem + "_FA.xml");
        }
        assertThat(counters).as("file X of Y").isNotEmpty();
        int y = counters.get(0)[1];
        assertThat(counters).allMatch(c -> c[1] == y);
        assertThat(counters.stream().map(c -> c[0]).sorted().toList())
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, y).boxed().toList());
        return all.toString();
    }
}
