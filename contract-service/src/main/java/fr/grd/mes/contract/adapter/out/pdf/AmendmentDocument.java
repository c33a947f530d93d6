package fr.grd.mes.contract.adapter.out.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import fr.grd.mes.contract.domain.amendment.Amendment;
import fr.grd.mes.contract.domain.amendment.AmendmentTerms;
import fr.grd.mes.contract.domain.amendment.Annexe3;
import fr.grd.mes.contract.domain.amendment.ConnectionDiagram;
import fr.grd.mes.contract.domain.amendment.ContributionLine;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders an amendment as the PDF the requester signs (OpenPDF): the template itself ({@link AvenantTemplate}: every
 * section and annex in order with its fixed text, the chosen option of each group and nothing of the others, every
 * field filled by {@link AvenantFields}) and, in Annexe 3, the tables of the computed contribution. DejaVu Sans is
 * embedded so every character of the template (φ, ≤, no-break spaces) is printed.
 */
@Component
public class AmendmentDocument {
    private static final BaseFont REGULAR = font("fonts/DejaVuSans.ttf");
    private static final BaseFont BOLD = font("fonts/DejaVuSans-Bold.ttf");
    private static final Font TITLE = new Font(BOLD, 13);
    private static final Font HEADING = new Font(BOLD, 10.5f);
    private static final Font SUBHEADING = new Font(BOLD, 9.5f);
    private static final Font BODY = new Font(REGULAR, 8.5f);
    private static final Font TABLE_HEAD = new Font(BOLD, 8);
    /** The room (points) a heading needs below it for its first lines; less, and it starts the next page. */
    private static final float KEEP_WITH_NEXT = 60;

    /**
     * The document of {@code amendment}, Annexe 2 showing {@code diagram} (a draft without one says so). The table of
     * contents gives the page each heading is printed on: the document is laid out once to learn them, then again
     * with them (the contents take the same room both times, so the pages do not move).
     */
    public byte[] render(Amendment amendment, Optional<byte[]> diagram) {
        AvenantFields fields = AvenantFields.of(amendment);
        List<AvenantTemplate.Block> blocks = AvenantTemplate.render(fields.choices(), fields.fields());
        Map<Integer, Integer> pages = new HashMap<>();
        layOut(amendment, blocks, diagram, Map.of(), pages);
        return layOut(amendment, blocks, diagram, pages, new HashMap<>());
    }

    /** One layout: {@code pages} gives the contents' page numbers, {@code printedOn} receives each heading's page. */
    private static byte[] layOut(Amendment amendment, List<AvenantTemplate.Block> blocks, Optional<byte[]> diagram,
                                 Map<Integer, Integer> pages, Map<Integer, Integer> printedOn) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document pdf = new Document(PageSize.A4, 40, 40, 40, 40);
        try {
            PdfWriter writer = PdfWriter.getInstance(pdf, out);
            // each heading's chunk is tagged with its block index: the page it is drawn on is the page it is on
            writer.setPageEvent(new PdfPageEventHelper() {
                @Override
                public void onGenericTag(PdfWriter w, Document d, Rectangle rect, String tag) {
                    printedOn.putIfAbsent(Integer.parseInt(tag), w.getPageNumber());
                }
            });
            pdf.addTitle("Avenant L. 342-2 n° " + amendment.getTerms().amendmentNumber());
            pdf.addSubject("Enedis-FOR-RAC_056E version 2 (" + AvenantTemplate.VERSION + ")");
            pdf.open();
            boolean first = true;
            for (int i = 0; i < blocks.size(); i++) {
                AvenantTemplate.Block block = blocks.get(i);
                if (block instanceof AvenantTemplate.SectionBreak) {
                    pdf.newPage();
                } else if (block instanceof AvenantTemplate.Heading h) {
                    if (writer.getVerticalPosition(true) - pdf.bottomMargin() < KEEP_WITH_NEXT) {
                        pdf.newPage(); // a heading is not left alone at the foot of a page
                    }
                    Chunk title = new Chunk(h.text(), h.level() == 1 ? HEADING : SUBHEADING);
                    title.setGenericTag(String.valueOf(i));
                    Paragraph p = new Paragraph(title);
                    p.setSpacingBefore(h.level() == 1 ? 9 : 5);
                    p.setSpacingAfter(2);
                    p.setKeepTogether(true);
                    pdf.add(p);
                } else if (block instanceof AvenantTemplate.Text text) {
                    Paragraph p = new Paragraph(text.text(), first ? TITLE : BODY);
                    p.setSpacingAfter(3);
                    pdf.add(p);
                    first = false;
                } else if (block instanceof AvenantTemplate.Item item) {
                    Paragraph p = new Paragraph("– " + item.text(), BODY);
                    p.setIndentationLeft(12);
                    p.setFirstLineIndent(-8);
                    pdf.add(p);
                } else if (block instanceof AvenantTemplate.Annexe3Tables) {
                    annexe3(pdf, amendment);
                } else if (block instanceof AvenantTemplate.TableOfContents) {
                    contents(pdf, blocks, pages);
                } else if (block instanceof AvenantTemplate.ConnectionDiagramPicture) {
                    connectionDiagram(pdf, amendment, diagram);
                }
            }
            pdf.close();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("rendering amendment " + amendment.getId() + " failed", e);
        }
        return out.toByteArray();
    }

    /**
     * "SOMMAIRE": each heading (down to the third level, and the annexes) and its page ("00", as wide, on the first
     * layout).
     */
    private static void contents(Document pdf, List<AvenantTemplate.Block> blocks, Map<Integer, Integer> pages)
            throws DocumentException {
        PdfPTable toc = new PdfPTable(new float[]{12, 1});
        toc.setWidthPercentage(100);
        toc.setSpacingBefore(4);
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i) instanceof AvenantTemplate.Heading h && h.level() <= 3) {
                // as the seed's SOMMAIRE writes them: without the colon some headings end with
                PdfPCell title = new PdfPCell(new Phrase(h.text().replaceFirst("\\s*:$", ""),
                        h.level() == 1 ? TABLE_HEAD : BODY));
                title.setBorder(PdfPCell.NO_BORDER);
                title.setPaddingLeft(10 * (h.level() - 1));
                toc.addCell(title);
                Integer page = pages.get(i);
                PdfPCell number = new PdfPCell(new Phrase(page == null ? "00" : String.valueOf(page), BODY));
                number.setBorder(PdfPCell.NO_BORDER);
                number.setHorizontalAlignment(Element.ALIGN_RIGHT);
                toc.addCell(number);
            }
        }
        pdf.add(toc);
    }

    /** Annexe 2: the attached picture, scaled to the page; a draft without one says it is still to be attached. */
    private static void connectionDiagram(Document pdf, Amendment amendment, Optional<byte[]> diagram)
            throws DocumentException, IOException {
        if (diagram.isEmpty()) {
            pdf.add(new Paragraph("Schéma de principe de raccordement : non joint (projet ; l'avenant n'est pas émis"
                    + " sans lui).", BODY));
            return;
        }
        Image picture = Image.getInstance(diagram.get());
        picture.scaleToFit(pdf.getPageSize().getWidth() - pdf.leftMargin() - pdf.rightMargin(),
                pdf.getPageSize().getHeight() - pdf.topMargin() - pdf.bottomMargin() - 120);
        picture.setAlignment(Element.ALIGN_CENTER);
        pdf.add(picture);
        ConnectionDiagram d = amendment.getConnectionDiagram();
        pdf.add(new Paragraph("Schéma joint le " + AvenantFields.date(d.attachedOn()) + " (" + d.widthPx() + " × "
                + d.heightPx() + " px, empreinte SHA-256 " + d.sha256().substring(0, 16) + "…).", BODY));
    }

    /** Annexe 3's tables: the lines, then the totals down to A (the MT_DAR line only where a PRAC deposit was paid). */
    private static void annexe3(Document pdf, Amendment amendment) throws DocumentException {
        AmendmentTerms t = amendment.getTerms();
        Annexe3.Contribution c = amendment.contribution();
        PdfPTable lines = new PdfPTable(new float[]{4, 1.3f, 1.3f, 1.6f, 1.6f, 1, 1});
        lines.setWidthPercentage(100);
        lines.setSpacingBefore(4);
        for (String h : List.of("Désignation", "Quantité", "PU", "Montant HT non réfacté", "Réfaction", "Taux réfaction",
                "Taux TVA")) {
            cell(lines, h, TABLE_HEAD);
        }
        for (ContributionLine line : t.contributionLines()) {
            cell(lines, line.designation() + " (" + line.basis() + " " + line.scope() + ")", BODY);
            cell(lines, line.quantity().stripTrailingZeros().toPlainString().replace('.', ','), BODY);
            cell(lines, AvenantFields.money(line.unitPrice()), BODY);
            cell(lines, AvenantFields.money(line.amount()), BODY);
            cell(lines, AvenantFields.money(line.refaction()), BODY);
            cell(lines, AvenantFields.percent(line.refactionRate()) + " %", BODY);
            cell(lines, AvenantFields.percent(line.vatRate()) + " %", BODY);
        }
        pdf.add(lines);
        PdfPTable totals = new PdfPTable(new float[]{6, 2});
        totals.setWidthPercentage(75);
        totals.setSpacingBefore(6);
        totals.setHorizontalAlignment(Element.ALIGN_LEFT);
        total(totals, "Sous-Total Travaux de raccordement ORR - chiffrés aux FCS", c.subtotalOrrFcs());
        total(totals, "Sous-Total Travaux de raccordement HRR - chiffrés aux FCS", c.subtotalHorrFcs());
        total(totals, "Sous-Total Travaux de raccordement ORR - chiffrés aux Coûts Réels", c.subtotalOrrCr());
        total(totals, "Sous-Total Travaux de raccordement HRR - chiffrés aux Coûts Réels", c.subtotalHorrCr());
        total(totals, "Sous-Total Quote Part SRRRER", c.subtotalSrrrer());
        total(totals, "MT_TVX = Total Travaux de raccordement Hors Taxe non réfacté", c.worksTotal());
        total(totals, "MT_Réf = Application de la réfaction tarifaire sur la base de l'ORR", c.refaction());
        total(totals, "MT = Montant total HT réfacté", c.totalExclTax());
        int k = 1;
        for (var vat : c.vatByRate().entrySet()) {
            total(totals, "Montant TVA " + (k++) + " (" + AvenantFields.percent(vat.getKey()) + " %)", vat.getValue());
        }
        total(totals, "MTVA = Montant TVA", c.vat());
        total(totals, "C = Montant total TTC réfacté", c.totalInclTax());
        if (t.pracDepositPaid() != null && t.pracDepositPaid().signum() > 0) {
            // <Si PRAC Passante>: the line exists only where a PRAC deposit was paid
            total(totals, "MT_DAR = Acompte déjà versé par le client au titre de la PRAC (TTC)", t.pracDepositPaid());
        }
        total(totals, "A = Montant de l'acompte", amendment.depositDue());
        pdf.add(totals);
        if (t.realCostSplit() != null) {
            AmendmentTerms.RealCostSplit split = t.realCostSplit();
            pdf.add(new Paragraph("Ventilation de la Σ(Coûts Réels) référé (HT) : part étude "
                    + AvenantFields.money(split.study()) + " €, part travaux " + AvenantFields.money(split.works())
                    + " €, part matériel " + AvenantFields.money(split.material()) + " €, part ingénierie "
                    + AvenantFields.money(split.engineering()) + " €.", BODY));
        }
        pdf.add(new Paragraph("Travaux Mandataire (PDR ORR − Avenant) : " + AvenantFields.money(amendment.mandataireWorks())
                + " € HT.", BODY));
    }

    private static void cell(PdfPTable table, String text, Font font) {
        table.addCell(new PdfPCell(new Phrase(text, font)));
    }

    private static void total(PdfPTable table, String label, BigDecimal amount) {
        table.addCell(new PdfPCell(new Phrase(label, BODY)));
        PdfPCell value = new PdfPCell(new Phrase(AvenantFields.money(amount) + " €", BODY));
        value.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.addCell(value);
    }

    private static BaseFont font(String resource) {
        try (InputStream in = AmendmentDocument.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font " + resource + " is missing");
            }
            return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
    }
}
