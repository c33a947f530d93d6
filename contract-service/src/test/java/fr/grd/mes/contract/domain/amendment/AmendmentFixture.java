package fr.grd.mes.contract.domain.amendment;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A filled "Avenant L. 342-2" template, as the desk would post it (the lines of the hand-worked Annexe 3 example):
 * as the JSON body of {@code POST /api/v1/amendments} ({@link #terms}) and as the domain's {@link AmendmentTerms}
 * ({@link #termsOf}). Shared with the end-to-end tests through this module's test jar.
 */
public final class AmendmentFixture {
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
            .build();

    private AmendmentFixture() {
    }

    public static Map<String, Object> terms(String number, LocalDate today, boolean localAuthority) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("amendmentNumber", number);
        t.put("amendmentDate", today.toString());
        t.put("validUntil", today.plusMonths(3).toString());
        t.put("recipient", Map.of("title", "M.", "lastName", "Durand", "firstName", "Paul"));
        t.put("requester", Map.of("title", "SAS", "lastName", "Logistique du Val"));
        t.put("recipientIsMandatedThirdParty", true);
        t.put("recipientAddress", Map.of("street", "8 rue des Entrepôts", "postalCode", "69007", "city", "Lyon",
                "country", "France"));
        t.put("worksAddress", Map.of("street", "ZAC des Terres Noires, lot 12", "postalCode", "69800",
                "city", "Saint-Priest"));
        t.put("requestReceived", today.minusMonths(4).toString());
        t.put("requestComplete", today.minusMonths(4).plusDays(10).toString());
        t.put("pdrDate", today.minusMonths(2).toString());
        t.put("pdrNumber", "PDR-2026-0457");
        t.put("l3422RequestDate", today.minusMonths(1).toString());
        t.put("connectionPowerKw", "1800");
        t.put("connectionVoltageKv", 20);
        t.put("htbImpact", Map.of("choice", "HTB1"));
        t.put("htaSolution", Map.of("feedingScheme", "COUPURE_ARTERE", "supplyVoltageKv", 20, "choice", "HTA1",
                "laying", "SOUTERRAINE", "sectionMm2", 240, "conductor", "ALU", "lengthM", 150, "lengthOnSiteM", 30));
        t.put("deliveryPoint", Map.of("choice", "REFERENCE"));
        t.put("metering", Map.of("choice", "HTA", "voltageKv", 20));
        t.put("enedisWorksOutsideOrr", Map.of("choice", "WITH_WORKS_OUTSIDE_ORR",
                "works", List.of("pose d'un interrupteur aérien télécommandé")));
        t.put("requesterWorksOutsideOrr", List.of("tranchée et pose du câble entre la limite de parcelle et le Poste Client"));
        t.put("protection", Map.of("choice", "COUPURE_ARTERE"));
        t.put("contributionBasis", Map.of("basis", "FCS", "firmness", "FIRM"));
        t.put("deposit", localAuthority ? Map.of("choice", "LOCAL_AUTHORITY")
                : Map.of("choice", "NOT_LOCAL_AUTHORITY", "percentage", "29.65"));
        t.put("signature", Map.of("choice", "ELECTRONIC"));
        t.put("annex1", Map.of("choice", "PORTAL"));
        t.put("contributionLines", List.of(
                line("Part Fixe Branchement (C_fB)", "FCS", "ORR", "1", "1500.00", "40", "20"),
                line("Part Variable Extension HTA (C_vE^HTA)", "FCS", "ORR", "120.5", "85.40", "40", "20"),
                line("Part Variable Extension HTA (C_vE^HTA)", "FCS", "HORR", "30", "85.40", "0", "20"),
                line("Quote Part SRRRER", "SRRRER", "ORR", "250", "12.34", "0", "20")));
        t.put("pdrOrrAmountExclTax", "48000.00");
        t.put("pdrOrrRefactionExclTax", "7200.00");
        t.put("pracDepositPaid", "1000.00");
        t.put("executionDelayWeeks", 26);
        t.put("connectionAgreementDelayWeeks", 12);
        t.put("contact", Map.of("name", "Julie Martin", "phone", "04 72 00 00 00", "email", "raccordement@grd.example"));
        t.put("dispatch", Map.of("choice", "POSTAL_TWO_ORIGINALS"));
        t.put("economicConditionsDate", today.toString());
        t.put("paymentEntity", Map.of("name", "Agence Raccordement Grands Projets",
                "address", "Site de Gerland, 288 rue Duguesclin, 69003 Lyon CEDEX"));
        t.put("delayContactEntity", "Agence Raccordement Grands Projets Rhône");
        t.put("consuelAddress", "CONSUEL, 10 rue de la Conformité, 69003 Lyon");
        t.put("complaintsEntity", Map.of("name", "Responsable de l'Accueil Raccordement",
                "address", "288 rue Duguesclin, 69003 Lyon"));
        t.put("communeFinancesExtension", false);
        t.put("enedisOrrWorks", Map.of("description", "création d'un départ HTA depuis le Poste Source de Vénissieux "
                        + "jusqu'à la limite de la ZAC des Terres Noires", "additional", List.of("pose d'un "
                        + "organe de manœuvre télécommandé en limite de ZAC"),
                "outsideOrrDescription", "renforcement du départ HTA existant sur 300 m"));
        t.put("requesterOrrWorks", List.of("génie civil du poste de livraison"));
        return t;
    }

    /** The same terms as the domain reads them, changed by {@code edit} first (e.g. a field removed). */
    public static AmendmentTerms termsOf(String number, LocalDate today, boolean localAuthority,
                                         java.util.function.Consumer<Map<String, Object>> edit) {
        Map<String, Object> terms = terms(number, today, localAuthority);
        edit.accept(terms);
        return JSON.convertValue(terms, AmendmentTerms.class);
    }

    public static AmendmentTerms termsOf(String number, LocalDate today, boolean localAuthority) {
        return termsOf(number, today, localAuthority, t -> {
        });
    }

    public static Map<String, Object> line(String name, String basis, String scope, String q, String pu, String r, String vat) {
        return Map.of("designation", name, "basis", basis, "scope", scope, "quantity", q, "unitPrice", pu,
                "refactionRate", r, "vatRate", vat);
    }

    /**
     * A connection diagram as a desk would draw it for Annexe 2: a PNG of {@code width} × {@code height} pixels with
     * the Poste Source, the HTA line and the delivery substation.
     */
    public static byte[] diagramPng(int width, int height) {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, width, height);
            schematic(g, width, height, Math.max(2, width / 200f));
            g.drawString("Poste Source", width / 20, height / 3 - 8);
            g.drawString("HTA 20 kV, 240 mm² Alu, 150 m", width / 3, height / 2 - 8);
            g.drawString("Poste de livraison", width - width / 4, height / 3 - 8);
        } finally {
            g.dispose();
        }
        return png(image);
    }

    /**
     * A scanned drawing: the diagram on paper grain (seeded noise, so the same bytes every time), which PNG cannot
     * compress much — about 1 to 2 MiB at 2 400 × 1 600.
     */
    public static byte[] diagramScan(int width, int height) {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height,
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        java.util.Random grain = new java.util.Random(42);
        var raster = image.getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setSample(x, y, 0, 232 + grain.nextInt(24));
            }
        }
        java.awt.Graphics2D g = image.createGraphics();
        try {
            schematic(g, width, height, 6);
        } finally {
            g.dispose();
        }
        return png(image);
    }

    /** The Poste Source, the HTA line and the delivery substation, in black. */
    private static void schematic(java.awt.Graphics2D g, int width, int height, float stroke) {
        g.setColor(java.awt.Color.BLACK);
        g.setStroke(new java.awt.BasicStroke(stroke));
        g.drawRect(width / 20, height / 3, width / 6, height / 3);
        g.drawLine(width / 20 + width / 6, height / 2, width - width / 4, height / 2);
        g.drawRect(width - width / 4, height / 3, width / 6, height / 3);
    }

    private static byte[] png(java.awt.image.BufferedImage image) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] diagramPng() {
        return diagramPng(800, 400);
    }

    /** {@code amendment} with the fixture's diagram attached, as the desk does before issuing it. */
    public static Amendment withDiagram(Amendment amendment, LocalDate on) {
        amendment.attachConnectionDiagram(ConnectionDiagram.of(diagramPng(), "image/png", on));
        return amendment;
    }
}
