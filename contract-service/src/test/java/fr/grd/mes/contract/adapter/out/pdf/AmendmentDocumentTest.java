package fr.grd.mes.contract.adapter.out.pdf;

import fr.grd.mes.contract.domain.amendment.Amendment;
import fr.grd.mes.contract.domain.amendment.AmendmentFixture;
import fr.grd.mes.contract.domain.amendment.AmendmentValidation;
import fr.grd.mes.contract.domain.amendment.ConnectionDiagram;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PDF is the template itself, read back with PDFBox: for two amendments with opposite choices in every option
 * group, each chosen option's own text is there and each unchosen one's is not, the fields are filled in French
 * formats, and no {@code [field]} nor template directive is left.
 */
class AmendmentDocumentTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private static final char NBSP = '\u00a0';

    private static final byte[] DIAGRAM = AmendmentFixture.diagramPng(1200, 600);

    private static byte[] pdf(Amendment amendment) {
        amendment.attachConnectionDiagram(ConnectionDiagram.of(DIAGRAM, "image/png", TODAY));
        return new AmendmentDocument().render(amendment, Optional.of(DIAGRAM));
    }

    private static String text(Amendment amendment) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf(amendment))) {
            return new PDFTextStripper().getText(document).replaceAll("\\s*\\n\\s*", " ");
        }
    }

    /** The text of each page, as PDFBox reads it (index 0 is page 1). */
    private static List<String> pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document));
            }
            return pages;
        }
    }

    private static Amendment first() {
        return Amendment.draft(AmendmentFixture.termsOf("AV-DOC-1", TODAY, false, t -> {
            t.put("htbImpact", Map.of("choice", "HTB2"));
            t.put("protection", Map.of("choice", "COUPURE_ARTERE"));
            t.put("signature", Map.of("choice", "ELECTRONIC"));
        }));
    }

    /** The opposite choice in every group. */
    private static Amendment second() {
        return Amendment.draft(AmendmentFixture.termsOf("AV-DOC-2", TODAY, true, t -> {
            t.put("recipientIsMandatedThirdParty", false);
            t.put("htbImpact", Map.of("choice", "HTB3"));
            t.put("htaSolution", Map.of("feedingScheme", "ANTENNE", "supplyVoltageKv", 15, "choice", "HTA2",
                    "laying", "AERIENNE", "sectionMm2", 148, "conductor", "CU", "lengthM", 900, "lengthOnSiteM", 40,
                    "replacedLengthM", 350));
            t.put("connectionVoltageKv", 15);
            t.put("deliveryPoint", Map.of("choice", "OTHER_THAN_REFERENCE", "subChoice", "REQUESTER_SPECIFIED",
                    "description", "avec le poste de livraison au fond de la parcelle, côté quai de chargement"));
            t.put("metering", Map.of("choice", "BT"));
            t.put("enedisWorksOutsideOrr", Map.of("choice", "STRICTLY_ORR"));
            t.put("enedisOrrWorks", Map.of("description", "création d'un départ HTA en antenne depuis le Poste Source"));
            t.put("requesterWorksOutsideOrr", List.of());
            t.put("protection", Map.of("choice", "GENERATION_ON_SITE"));
            t.put("contributionBasis", Map.of("basis", "REAL_COSTS", "firmness", "ESTIMATE"));
            t.put("contributionLines", List.of(
                    AmendmentFixture.line("Réseau HTA", "CR", "ORR", "1", "40000.00", "40", "20"),
                    AmendmentFixture.line("Quote Part SRRRER", "SRRRER", "ORR", "100", "12.34", "0", "20")));
            t.put("realCostSplit", Map.of("study", "2400.00", "works", "15600.00", "material", "4800.00",
                    "engineering", "1200.00"));
            t.put("pracDepositPaid", "0");
            t.put("signature", Map.of("choice", "PAPER"));
            t.put("annex1", Map.of("choice", "PAPER_DOCUMENTS", "documents", List.of("formulaire de demande signé",
                    "plan de situation au 1/25 000")));
        }));
    }

    @Test
    void bothAmendmentsAreValidTemplates() {
        assertThat(AmendmentValidation.check(first().getTerms())).isEmpty();
        assertThat(AmendmentValidation.check(second().getTerms())).isEmpty();
    }

    @Test
    void eachChosenOptionIsPrintedAndNoneOfTheOthers() throws IOException {
        String one = text(first());
        String two = text(second());
        List<String[]> options = List.of(
                // {text only in the first, text only in the second}
                new String[]{"au nom et pour le compte du Demandeur", null},
                new String[]{"une création/modification du Poste Source", "ainsi que le remplacement d'une partie de la canalisation existante sont nécessaires (travaux sous maîtrise d'ouvrage RTE"},
                new String[]{"nouvellement créée de section 240 mm² Alu, sur une longueur de 150 m", "dont 350 m créés en remplacement d'une canalisation existante"},
                new String[]{"correspond au raccordement de référence et a été réalisée", "ne correspond pas au raccordement de référence"},
                new String[]{null, "L'étude est réalisée avec le poste de livraison au fond de la parcelle"},
                new String[]{"il est installé en HTA sous une tension de 20 kV", "il est installé en BT."},
                new String[]{"Les parties conviennent qu'Enedis réalisera les travaux suivants hors ORR", null},
                new String[]{"Les travaux suivants correspondent à des travaux de raccordement hors ORR", null},
                new String[]{"Un dispositif de détection directionnel de courant de défaut", "L'Opération comporte des moyens de production pouvant"},
                new String[]{"est ferme et définitif pendant toute la durée de sa validité. Le montant définitif de la contribution, au titre des Travaux Mandataire, qui sera à votre charge",
                        "fourchette de +/- 15%"},
                new String[]{"Le règlement d'un acompte de 29,65% du montant TTC", "Sans objet."},
                new String[]{"et du règlement de l'acompte demandé", "et de l'ordre de service correspondant"},
                new String[]{"trente jours calendaires suivant la date de la facture", null},
                new String[]{"Signature informatique", "« Bon pour accord »"},
                new String[]{"Les pièces sont disponibles sur le portail raccordement.", "– plan de situation au 1/25 000"});
        for (String[] option : options) {
            if (option[0] != null) {
                assertThat(one).as("chosen in the first").contains(option[0]);
                assertThat(two).as("not chosen in the second").doesNotContain(option[0]);
            }
            if (option[1] != null) {
                assertThat(two).as("chosen in the second").contains(option[1]);
                assertThat(one).as("not chosen in the first").doesNotContain(option[1]);
            }
        }
        for (String document : List.of(one, two)) {
            assertThat(document).doesNotContain("[", "]", "@if", "@endif", "@annexe3", "@schema", "@sommaire", "@page", "Fin Option", "Option 1 :");
        }
    }

    @Test
    void theFieldsAreFilledInFrenchFormatsAndEverySectionAndAnnexIsThere() throws IOException {
        String one = text(first());
        assertThat(one).contains("Avenant L.342-2¹ n°AV-DOC-1", "du 01/12/2026 valable jusqu'au 01/03/2027",
                "tg φ = 0,4", "Puissance de Raccordement de 1800 kW", "PDR-2026-0457",
                "Il sera au maximum de 7" + NBSP + "200,00 € HT", "de 15" + NBSP + "265,70 € TTC",
                "soit 4" + NBSP + "526,57 € TTC", "est de 26 semaines",
                "fixé à 12 semaines", "Montant total de la PDR : 15" + NBSP + "265,70 € TTC",
                "MT_DAR = Acompte déjà versé par le client au titre de la PRAC (TTC)");
        for (String heading : List.of("1. Objet de l'Avenant L. 342-2", "2. Caractéristiques de votre demande",
                "3. Description de la solution technique de raccordement", "4. Réalisation et répartition des travaux",
                "5. Contribution au coût du raccordement", "6. Conditions d'acceptation", "7. Conditions préalables",
                "8. Échéancier prévisionnel", "9. Modalités de règlement", "10. Conventions de Raccordement",
                "11. Préparation de la mise en service", "12. Modification de la demande initiale",
                "13. Information du Demandeur", "14. Accord", "Annexe 1 : Dossier de demande de raccordement",
                "Annexe 2 : Schéma de raccordement", "Annexe 3 : Détail de la contribution", "Annexe 4 : Contrat de Mandat")) {
            assertThat(one).contains(heading);
        }
        assertThat(one.indexOf("13. Information du Demandeur")).isLessThan(one.indexOf("14. Accord"));
        assertThat(text(second())).as("no PRAC deposit: no MT_DAR line").doesNotContain("MT_DAR");
    }

    @Test
    void theContentsListEveryHeadingWithThePageItIsPrintedOn() throws IOException {
        for (Amendment amendment : List.of(first(), second())) {
            List<String> pages = pages(pdf(amendment));
            int tocPage = -1;
            for (int i = 0; i < pages.size() && tocPage < 0; i++) {
                if (pages.get(i).lines().anyMatch(l -> l.strip().equals("SOMMAIRE"))) {
                    tocPage = i;
                }
            }
            assertThat(tocPage).as("a page holds the SOMMAIRE").isGreaterThanOrEqualTo(0);
            Matcher entry = Pattern.compile("(?m)^(\\d+(?:\\.\\d+)*\\. .+?|Annexe \\d : .+?) (\\d+)\\s*$")
                    .matcher(pages.get(tocPage));
            List<String> titles = new ArrayList<>();
            while (entry.find()) {
                String title = entry.group(1).strip();
                int page = Integer.parseInt(entry.group(2));
                titles.add(title);
                assertThat(page).as(title).isBetween(tocPage + 2, pages.size());
                assertThat(pages.get(page - 1).lines().map(String::strip)).as(title + " printed on page " + page)
                        .anyMatch(line -> line.startsWith(title.length() > 40 ? title.substring(0, 40) : title));
            }
            assertThat(titles).as("the seed's SOMMAIRE, in order").startsWith("1. Objet de l'Avenant L. 342-2",
                    "2. Caractéristiques de votre demande", "2.1. Puissance de Raccordement");
            assertThat(titles).contains("4.1.1. Travaux réseaux", "10.1.2. Réserves sur le délai de mise à disposition"
                    + " de la Convention de Raccordement", "14. Accord").endsWith("Annexe 4 : Contrat de Mandat");
            assertThat(titles).hasSizeGreaterThanOrEqualTo(40);
        }
    }

    @Test
    void annexe2PrintsTheAttachedDiagramAndADraftWithoutOneSaysSo() throws IOException {
        Amendment amendment = first();
        byte[] pdf = pdf(amendment);
        List<String> pages = pages(pdf);
        int annexe2 = -1;
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).contains("Annexe 2 : Schéma de raccordement") && !pages.get(i).contains("SOMMAIRE")) {
                annexe2 = i;
            }
        }
        assertThat(annexe2).isGreaterThanOrEqualTo(0);
        List<int[]> images = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            var resources = document.getPage(annexe2).getResources();
            for (var name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject image) {
                    images.add(new int[]{image.getWidth(), image.getHeight()});
                }
            }
        }
        assertThat(images).as("the diagram, at its own size, on Annexe 2's page").singleElement()
                .satisfies(size -> assertThat(size).containsExactly(1200, 600));
        assertThat(pages.get(annexe2)).contains("Schéma joint le 01/12/2026 (1200 × 600 px");

        Amendment draft = second();
        String withoutDiagram;
        try (PDDocument document = Loader.loadPDF(new AmendmentDocument().render(draft, Optional.empty()))) {
            withoutDiagram = new PDFTextStripper().getText(document).replaceAll("\\s*\\n\\s*", " ");
        }
        assertThat(withoutDiagram).contains("Schéma de principe de raccordement : non joint").doesNotContain("Schéma joint le");
    }
}
