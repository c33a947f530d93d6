package fr.grd.mes.localstack;

import fr.grd.mes.testsupport.Http;
import fr.grd.mes.localstack.ServiceStack.Service;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SGE-format files as suppliers receive them: F15 (billing, two documents), C15 (perimeter) and X12 (case
 * tracking), zipped, named like the real files, numbered without gaps per supplier and flow, exported on demand
 * and daily; every XML document is validated here against the official XSDs with the JDK's schema validator.
 */
class SgeFilesIT {
    private static final String SUPPLIER = "FOURN-FILES";
    private static final ZoneId PARIS = SupplierFiles.PARIS;
    private static TestStack stack;
    private static SupplierFiles files;

    @BeforeAll
    static void stack() {
        stack = TestStack.get();
        files = new SupplierFiles(stack, SUPPLIER, "ZONE-FILES");
    }

    private static String completedCase(String result) {
        return files.completedCase(result);
    }

    private static fr.grd.mes.client.Reply export(String flow) {
        return files.export(flow);
    }

    private static List<JsonNode> files(String flow) {
        return files.files(flow);
    }

    private static String checkedContent(String flow) throws Exception {
        return files.checkedContent(flow);
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
            fr.grd.mes.client.Reply created = export(flow);
            assertThat(created.status()).as(flow + " " + created.raw()).isIn(201, 204);
            String all = checkedContent(flow);
            switch (flow) {
                case "F15" -> assertThat(all).contains("<Id_Affaire>" + first + "</Id_Affaire>",
                        "<Id_Affaire>" + second + "</Id_Affaire>", "<Id_EV>F120B</Id_EV>", "<Montant_HT>20.00</Montant_HT>",
                        "<Id_EV>DEPL-VAIN</Id_EV>", "<Montant_HT>30.00</Montant_HT>",
                        "<Unite_Quantite>UNITE</Unite_Quantite>");
                case "C15" -> assertThat(all).contains("<Nature_Evenement>MES</Nature_Evenement>",
                        "<Id_Affaire>" + first + "</Id_Affaire>", "<Valeur>24680</Valeur>",
                        "<Etat_Alimentation>ALIM</Etat_Alimentation>",
                        "<Code_Qualification>2</Code_Qualification>", "<Classe_Mesure>1</Classe_Mesure>",
                        "<Sens_Mesure>0</Sens_Mesure>", "<Etat_Contractuel>EN SERVICE</Etat_Contractuel>").doesNotContain(second);
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
            fr.grd.mes.client.Reply created = export(flow);
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
            // at least one new file (records of earlier cases that came after their export, e.g. a later tracking
            // record, go out with the same daily pass or the one before), holding the fourth case
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> files(flow).size() > before.get(flow) && checkedContent(flow).contains(fourth));
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

    /**
     * A reader that knows only the public conventions gets every record: a flow larger than an inner file holds is
     * split into "file X of Y" files, and selecting them by name (F15 detail {@code FL_\d+_\d+\.xml}, C15
     * {@code *_C15_*.xml}, X12 {@code *_X1[23]_*.xml}) yields every exported record, counted.
     */
    @Test
    void aLargeFlowIsSplitIntoCompleteXOfYFilesAndANameDrivenReaderGetsEveryRecord() throws Exception {
        SupplierFiles big = new SupplierFiles(stack, "FOURN-SPLIT", "ZONE-SPLIT");
        List<String> cases = big.completedCases(List.of("COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED"));
        stack.clock.advance(Duration.ofMinutes(1));
        Map<String, java.util.regex.Pattern> selected = Map.of(
                "F15", java.util.regex.Pattern.compile(".*FL_\\d+_\\d+\\.xml"),
                "C15", java.util.regex.Pattern.compile(".*_C15_.*\\.xml"),
                "X12", java.util.regex.Pattern.compile(".*_X1[23]_.*\\.xml"));
        Map<String, String> record = Map.of("F15", "<Donnees_Valorisation>", "C15", "<PRM>", "X12", "<affaire ");
        for (String flow : SupplierFiles.FLOWS) {
            fr.grd.mes.client.Reply created = big.export(flow);
            assertThat(created.status()).as(flow + " " + created.raw()).isEqualTo(201);
            String fileName = created.body().get("fileName").asString();
            assertThat(fileName).as("zips are selected by *_" + flow + "_*.zip").matches(".*_" + flow + "_.*\\.zip");
            big.checkedEntries(flow, fileName);
            Map<String, String> entries = big.download(flow, fileName);
            List<String> read = entries.entrySet().stream()
                    .filter(e -> selected.get(flow).matcher(e.getKey()).matches()).map(Map.Entry::getValue).toList();
            int expectedFiles = (cases.size() + TestStack.MAX_RECORDS_PER_FILE - 1) / TestStack.MAX_RECORDS_PER_FILE;
            assertThat(read).as(flow + " inner files selected by name").hasSize(expectedFiles);
            String all = String.join("", read);
            assertThat(all.split(java.util.regex.Pattern.quote(record.get(flow)), -1).length - 1)
                    .as(flow + " records read").isEqualTo(cases.size());
            cases.forEach(caseId -> assertThat(all).contains(caseId));
        }
    }

    /** The files take the supplier's names from the registry, never from its id; an unregistered supplier gets none. */
    @Test
    void fileNamesAndHeadersComeFromTheSupplierRegistry() throws Exception {
        SupplierFiles registered = new SupplierFiles(stack, "FOURN-REG", "ZONE-REG", "17X100A100R0139K", "GRD-F139");
        String caseId = registered.completedCase("COMPLETED");
        stack.clock.advance(Duration.ofMinutes(1));
        for (String flow : SupplierFiles.FLOWS) {
            fr.grd.mes.client.Reply created = registered.export(flow);
            assertThat(created.status()).as(flow + " " + created.raw()).isEqualTo(201);
            String fileName = created.body().get("fileName").asString();
            assertThat(fileName).startsWith(SupplierFiles.ISSUER + "_" + flow + "_17X100A100R0139K_")
                    .doesNotContain("FOURNREG");
            if (!"X12".equals(flow)) {
                assertThat(fileName).contains("_GRD-F139_" + SupplierFiles.DIR + "_");
            }
            assertThat(registered.checkedEntries(flow, fileName)).contains(caseId)
                    .contains("17X100A100R0139K");
        }
        // the registry as an operator and as the supplier sees it; the flow key is never shown
        fr.grd.mes.client.Reply mine = Http.get(stack.services.url(Service.CONTRACT) + "/api/v1/suppliers/FOURN-REG",
                registered.token);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body().get("grdfContract").asString()).isEqualTo("GRD-F139");
        assertThat(Http.get(stack.services.url(Service.CONTRACT) + "/api/v1/suppliers/" + SUPPLIER, registered.token)
                .status()).as("another supplier's registration").isEqualTo(404);
        fr.grd.mes.client.Reply bad = Http.put(stack.services.url(Service.CONTRACT) + "/api/v1/suppliers/FOURN-REG",
                Map.of("displayName", "x", "eic", "17X-TOO-SHORT", "grdfContract", "GRD-F139", "flowEncryptionKey", "AAAA"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("errors").toString()).contains("eic", "flowEncryptionKey");

        // a supplier nobody registered: its files cannot be named, so none is made
        String stranger = stack.issuer.mint("stranger", List.of("SUPPLIER"), "FOURN-UNREG", Duration.ofHours(1));
        fr.grd.mes.client.Reply refused = Http.post(stack.services.url(Service.BILLING) + "/api/v1/suppliers/FOURN-UNREG/files/F15",
                Map.of(), stranger);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
        assertThat(refused.body().get("detail").asString()).contains("supplier registry");
    }
}
