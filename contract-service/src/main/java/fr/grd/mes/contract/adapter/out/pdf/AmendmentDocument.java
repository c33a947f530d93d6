package fr.grd.mes.contract.adapter.out.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import fr.grd.mes.contract.domain.amendment.Amendment;
import fr.grd.mes.contract.domain.amendment.AmendmentTerms;
import fr.grd.mes.contract.domain.amendment.Annexe3;
import fr.grd.mes.contract.domain.amendment.ContributionLine;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Renders an amendment as the PDF the requester signs (OpenPDF): the identification, parties and addresses,
 * the request dates and connection power, only the chosen option of each group with its fields filled, the
 * contribution and deposit, the acceptance pieces, and the Annexe 3 tables with the computed amounts.
 */
@Component
public class AmendmentDocument {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Font TITLE = new Font(Font.HELVETICA, 14, Font.BOLD);
    private static final Font HEADING = new Font(Font.HELVETICA, 11, Font.BOLD);
    private static final Font BODY = new Font(Font.HELVETICA, 9);

    public byte[] render(Amendment amendment) {
        AmendmentTerms t = amendment.getTerms();
        Annexe3.Contribution c = amendment.contribution();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document pdf = new Document(PageSize.A4, 40, 40, 40, 40);
        try {
            PdfWriter.getInstance(pdf, out);
            pdf.addTitle("Avenant L. 342-2 n° " + t.amendmentNumber());
            pdf.open();
            pdf.add(new Paragraph("Avenant L.342-2 n° " + t.amendmentNumber() + " du " + DATE.format(t.amendmentDate())
                    + " valable jusqu'au " + DATE.format(t.validUntil()), TITLE));
            text(pdf, "Proposition transmise par courrier en deux exemplaires originaux.");
            text(pdf, "à la Proposition de Raccordement n° " + t.pdrNumber() + " du " + DATE.format(t.pdrDate())
                    + " (Enedis-FOR-RAC_056E v2)");
            heading(pdf, "Destinataire et Demandeur");
            text(pdf, "Destinataire de la proposition : " + party(t.recipient()));
            text(pdf, "Nom du Demandeur : " + party(t.requester())
                    + (Boolean.TRUE.equals(t.recipientIsMandatedThirdParty()) ? ", au nom et pour le compte du Demandeur" : ""));
            text(pdf, "Adresse du destinataire : " + address(t.recipientAddress()));
            text(pdf, "Adresse des travaux de raccordement : " + address(t.worksAddress()));

            heading(pdf, "2. Caractéristiques de votre demande");
            text(pdf, "Demande reçue le " + DATE.format(t.requestReceived()) + ", déclarée complète le "
                    + DATE.format(t.requestComplete()) + ", Proposition de Raccordement du " + DATE.format(t.pdrDate())
                    + " n° " + t.pdrNumber() + ", demande d'application de l'article L. 342-2 du "
                    + DATE.format(t.l3422RequestDate()) + ".");
            text(pdf, "Puissance de Raccordement : " + t.connectionPowerKw().toPlainString() + " kW sous "
                    + t.connectionVoltageKv() + " kV avec tg φ = 0,4.");

            heading(pdf, "3. Solution technique de raccordement");
            text(pdf, htb(t.htbImpact()));
            text(pdf, hta(t.htaSolution()));
            text(pdf, deliveryPoint(t.deliveryPoint()));
            text(pdf, metering(t.metering()));
            heading(pdf, "4. Réalisation et répartition des travaux");
            text(pdf, t.enedisWorksOutsideOrr().choice() == AmendmentTerms.EnedisWorksOutsideOrr.Choice.STRICTLY_ORR
                    ? "Travaux Enedis hors ORR : la solution réalisée correspond strictement à l'ORR."
                    : "Travaux Enedis hors ORR : " + String.join(" ; ", t.enedisWorksOutsideOrr().works()) + ".");
            if (t.requesterWorksOutsideOrr() != null && !t.requesterWorksOutsideOrr().isEmpty()) {
                text(pdf, "Travaux de raccordement hors ORR réalisés par vos soins : "
                        + String.join(" ; ", t.requesterWorksOutsideOrr()) + ".");
            }
            text(pdf, protection(t.protection()));

            heading(pdf, "5. Contribution au coût du raccordement");
            text(pdf, "Contribution à l'ORR calculée sur la base "
                    + (t.contributionBasis().basis() == AmendmentTerms.ContributionBasis.Basis.FCS
                    ? "des Formules de Coûts Simplifiées (FCS)" : "des coûts réels") + ", proposition "
                    + (t.contributionBasis().firmness() == AmendmentTerms.ContributionBasis.Firmness.FIRM
                    ? "ferme et définitive" : "estimative (montant définitif dans une fourchette de +/- 15 %)") + ".");
            text(pdf, "Réfaction appliquée sur les Travaux Enedis : " + euros(c.refaction()) + " HT. Réfaction maximale "
                    + "sur les Travaux Mandataire : " + euros(t.pdrOrrRefactionExclTax()) + " HT.");
            text(pdf, "Montant de la contribution à régler au titre des Travaux Enedis : " + euros(c.totalInclTax()) + " TTC.");
            text(pdf, "Montant établi aux conditions économiques et fiscales du " + DATE.format(t.economicConditionsDate())
                    + ", ferme si vos travaux sont achevés au plus tard le " + DATE.format(amendment.firmUntil())
                    + " (un an après l'émission de la présente Proposition), révisé au-delà suivant l'évolution des "
                    + "prix du barème, sous déduction des acomptes versés.");
            text(pdf, t.deposit().localAuthority() ? "Acompte : sans objet (demandeur collectivité locale)."
                    : "Acompte de " + percent(amendment.depositPercentage()) + " du montant TTC de votre contribution "
                    + "demandé à l'acceptation, soit "
                    + euros(amendment.depositDue()) + " TTC.");
            heading(pdf, "6. Conditions d'acceptation");
            for (Amendment.Piece piece : amendment.requiredPieces()) {
                text(pdf, "- " + pieceLabel(piece));
            }
            heading(pdf, "8. et 10. Délais");
            text(pdf, "Délai prévisionnel de réalisation : " + t.executionDelayWeeks() + " semaines. Délai d'établissement "
                    + "de la Convention de Raccordement : " + t.connectionAgreementDelayWeeks() + " semaines.");
            text(pdf, "En cas de retard non prévisible, vous serez contacté par " + t.delayContactEntity() + ".");
            text(pdf, "Règlements à l'ordre d'Enedis : " + t.paymentEntity().name() + ", " + t.paymentEntity().address() + ".");
            text(pdf, "Attestation de conformité CONSUEL à adresser à : " + t.consuelAddress() + ".");
            text(pdf, "Réclamations : " + t.complaintsEntity().name() + ", " + t.complaintsEntity().address() + ".");
            text(pdf, "Interlocuteur : " + t.contact().name() + ", " + t.contact().phone() + ", " + t.contact().email() + ".");
            text(pdf, "Signature : " + (t.signature().choice() == AmendmentTerms.Signature.Choice.PAPER
                    ? "papier, précédée des mentions « Proposition reçue avant réalisation des travaux » et « Bon pour accord »"
                    : "informatique") + ".");
            text(pdf, "Annexe 1 : " + (t.annex1().choice() == AmendmentTerms.Annex1Form.Choice.PORTAL
                    ? "pièces disponibles sur le portail raccordement"
                    : "documents papier : " + String.join(" ; ", t.annex1().documents())) + ".");

            pdf.newPage();
            heading(pdf, "Annexe 3 : Détail de la contribution au coût du raccordement");
            PdfPTable lines = new PdfPTable(new float[]{4, 1.3f, 1.3f, 1.6f, 1.6f, 1, 1});
            lines.setWidthPercentage(100);
            for (String h : List.of("Désignation", "Quantité", "PU", "Montant HT non réfacté", "Réfaction", "Taux réf.",
                    "Taux TVA")) {
                cell(lines, h, HEADING);
            }
            for (ContributionLine line : t.contributionLines()) {
                cell(lines, line.designation() + " (" + line.basis() + " " + line.scope() + ")", BODY);
                cell(lines, line.quantity().toPlainString(), BODY);
                cell(lines, line.unitPrice().toPlainString(), BODY);
                cell(lines, line.amount().toPlainString(), BODY);
                cell(lines, line.refaction().toPlainString(), BODY);
                cell(lines, percent(line.refactionRate()), BODY);
                cell(lines, percent(line.vatRate()), BODY);
            }
            pdf.add(lines);
            PdfPTable totals = new PdfPTable(new float[]{6, 2});
            totals.setWidthPercentage(70);
            totals.setHorizontalAlignment(Element.ALIGN_LEFT);
            total(totals, "Sous-Total ORR - FCS", c.subtotalOrrFcs());
            total(totals, "Sous-Total HORR - FCS", c.subtotalHorrFcs());
            total(totals, "Sous-Total ORR - Coûts Réels", c.subtotalOrrCr());
            total(totals, "Sous-Total HORR - Coûts Réels", c.subtotalHorrCr());
            total(totals, "Sous-Total Quote Part SRRRER", c.subtotalSrrrer());
            total(totals, "MT_TVX = Total travaux HT non réfacté", c.worksTotal());
            total(totals, "MT_Réf = Réfaction sur la base de l'ORR", c.refaction());
            total(totals, "MT = Montant total HT réfacté", c.totalExclTax());
            c.vatByRate().forEach((rate, amount) -> total(totals, "Montant TVA " + percent(rate), amount));
            total(totals, "C = Montant total TTC réfacté", c.totalInclTax());
            if (t.pracDepositPaid() != null && t.pracDepositPaid().signum() > 0) {
                // <Si PRAC Passante>: the line exists only where a PRAC deposit was paid
                total(totals, "MT_DAR = Acompte déjà versé au titre de la PRAC", t.pracDepositPaid());
            }
            total(totals, "A = Montant de l'acompte", amendment.depositDue());
            total(totals, "Travaux Mandataire (PDR ORR - Avenant)", amendment.mandataireWorks());
            total(totals, "Réfaction maximale versée pour le projet", t.pdrOrrRefactionExclTax());
            pdf.add(totals);
            if (t.realCostSplit() != null) {
                AmendmentTerms.RealCostSplit split = t.realCostSplit();
                text(pdf, "Ventilation des coûts réels réfactés (HT) : part étude " + euros(split.study())
                        + ", part travaux " + euros(split.works()) + ", part matériel " + euros(split.material())
                        + ", part ingénierie " + euros(split.engineering()) + ".");
            }
            pdf.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("rendering amendment " + amendment.getId() + " failed", e);
        }
        return out.toByteArray();
    }

    private static void heading(Document pdf, String text) throws DocumentException {
        Paragraph p = new Paragraph(text, HEADING);
        p.setSpacingBefore(8);
        pdf.add(p);
    }

    private static void text(Document pdf, String text) throws DocumentException {
        pdf.add(new Paragraph(text, BODY));
    }

    private static void cell(PdfPTable table, String text, Font font) {
        table.addCell(new PdfPCell(new Phrase(text, font)));
    }

    private static void total(PdfPTable table, String label, BigDecimal amount) {
        cell(table, label, BODY);
        PdfPCell value = new PdfPCell(new Phrase(euros(amount), BODY));
        value.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.addCell(value);
    }

    /** A percentage the French way: decimal comma, a space before the sign ("29,65 %", "20 %"), as euros() spaces. */
    static String percent(BigDecimal rate) {
        return rate.stripTrailingZeros().toPlainString().replace('.', ',') + " %";
    }

    static String euros(BigDecimal amount) {
        return String.format(Locale.FRANCE, "%,.2f €", amount).replace('\u202f', ' ').replace('\u00a0', ' ');
    }

    private static String party(AmendmentTerms.Party p) {
        return p.title() + " " + p.lastName() + (p.firstName() == null ? "" : " " + p.firstName());
    }

    private static String address(AmendmentTerms.Address a) {
        return a.street() + (a.complement() == null ? "" : ", " + a.complement()) + ", " + a.postalCode() + " " + a.city()
                + (a.country() == null ? "" : ", " + a.country());
    }

    private static String htb(AmendmentTerms.HtbImpact h) {
        return switch (h.choice()) {
            case HTB1 -> "3.1 Réseau HTB : pas d'impact sur le réseau HTB.";
            case HTB2 -> "3.1 Réseau HTB : création / modification du Poste Source et création d'une extension HTB "
                    + "(travaux sous maîtrise d'ouvrage RTE - Devis RTE).";
            case HTB3 -> "3.1 Réseau HTB : création d'une extension HTB et d'un réseau HTB en remplacement d'une "
                    + "canalisation HTB existante (travaux sous maîtrise d'ouvrage RTE - Devis RTE).";
        };
    }

    private static String hta(AmendmentTerms.HtaSolution h) {
        String scheme = switch (h.feedingScheme()) {
            case COUPURE_ARTERE -> "coupure d'artère";
            case DOUBLE_DERIVATION -> "double dérivation";
            case ANTENNE -> "antenne";
        };
        String line = "canalisation " + h.laying().name().toLowerCase() + " HTA de section " + h.sectionMm2() + " mm² "
                + (h.conductor() == AmendmentTerms.HtaSolution.Conductor.ALU ? "Alu" : "Cu") + ", sur une longueur de "
                + h.lengthM() + " m";
        return "3.2 Réseau HTA : poste de livraison unique alimenté en " + scheme + " sous " + h.supplyVoltageKv()
                + " kV ; " + (h.choice() == AmendmentTerms.HtaSolution.Choice.HTA1
                ? "création d'une extension HTA : " + line + ", dont " + h.lengthOnSiteM() + " m dans le terrain d'assiette."
                : "extension HTA et remplacement d'une canalisation existante : " + line + ", dont " + h.replacedLengthM()
                + " m en remplacement et " + h.lengthOnSiteM() + " m dans le terrain d'assiette.");
    }

    private static String deliveryPoint(AmendmentTerms.DeliveryPointLocation d) {
        if (d.choice() == AmendmentTerms.DeliveryPointLocation.Choice.REFERENCE) {
            return "3.3 Point de livraison : raccordement de référence, poste en limite de parcelle accessible depuis le "
                    + "domaine public.";
        }
        return "3.3 Point de livraison : raccordement différent du raccordement de référence, "
                + (d.subChoice() == AmendmentTerms.DeliveryPointLocation.SubChoice.NOT_AT_PLOT_BOUNDARY
                ? "poste non en limite de parcelle." : "à la demande du client : " + d.description() + ".");
    }

    private static String metering(AmendmentTerms.Metering m) {
        if (m.choice() == AmendmentTerms.Metering.Choice.BT) {
            return "3.4 Comptage : comptage BT dans le poste de livraison.";
        }
        return "3.4 Comptage : comptage HTA sous " + m.voltageKv() + " kV"
                + (Boolean.TRUE.equals(m.biVoltageTo20kv()) ? ", transformateurs de tension bi-tension ("
                + m.currentVoltageKv() + " kV / 20 kV)." : ".");
    }

    private static String protection(AmendmentTerms.Protection p) {
        return switch (p.choice()) {
            case COMPENSATED_NEUTRAL -> "4.2.4 Protections : Poste Source avec neutre compensé, protection wattmétrique "
                    + "homopolaire (PWH).";
            case COUPURE_ARTERE -> "4.2.4 Protections : poste raccordé en coupure d'artère, détection directionnelle "
                    + "de courant de défaut.";
            case GENERATION_ON_SITE -> "4.2.4 Protections : moyens de production dans l'Opération, protection de découplage.";
        };
    }

    private static String pieceLabel(Amendment.Piece piece) {
        return switch (piece) {
            case SIGNED_AMENDMENT -> "un exemplaire original daté et signé du présent Avenant L. 342-2";
            case SIGNED_MANDATE_CONTRACT -> "un exemplaire original daté et signé du Contrat de Mandat (annexe 4)";
            case FINANCIAL_GUARANTEE -> "la garantie financière datée et signée par un tiers garant";
            case INSURANCE_CERTIFICATE -> "une attestation d'assurance en cours de validité";
            case DEPOSIT_PAYMENT -> "le règlement de l'acompte demandé";
            case SERVICE_ORDER -> "l'ordre de service correspondant";
        };
    }
}
