package fr.grd.mes.contract.adapter.out.pdf;

import fr.grd.mes.contract.domain.amendment.Amendment;
import fr.grd.mes.contract.domain.amendment.AmendmentTerms;
import fr.grd.mes.contract.domain.amendment.Annexe3;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What fills the template's {@code [fields]} and chooses its options, for one amendment, in French formats: dates
 * dd/MM/yyyy, amounts with a no-break space between thousands and a decimal comma ("12 721,42"), percentages with a
 * comma ("29,65").
 */
final class AvenantFields {
    static final char NBSP = '\u00a0';
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Map<String, String> choices = new HashMap<>();
    private final Map<String, List<String>> fields = new HashMap<>();

    private AvenantFields() {
    }

    Map<String, String> choices() {
        return choices;
    }

    Map<String, List<String>> fields() {
        return fields;
    }

    static AvenantFields of(Amendment a) {
        AmendmentTerms t = a.getTerms();
        Annexe3.Contribution c = a.contribution();
        AvenantFields f = new AvenantFields();
        f.choice("mandated", Boolean.TRUE.equals(t.recipientIsMandatedThirdParty()));
        f.choice("dispatch", t.dispatch().choice());
        f.choice("htb", t.htbImpact().choice());
        f.choice("hta", t.htaSolution().choice());
        f.choice("location", t.deliveryPoint().choice());
        f.choice("locationSub", t.deliveryPoint().subChoice() == null ? "NONE" : t.deliveryPoint().subChoice());
        f.choice("metering", t.metering().choice());
        f.choice("biVoltage", Boolean.TRUE.equals(t.metering().biVoltageTo20kv()));
        f.choice("outsideOrr", t.enedisWorksOutsideOrr().choice());
        f.choice("requesterOutsideOrr", t.requesterWorksOutsideOrr() != null && !t.requesterWorksOutsideOrr().isEmpty());
        f.choice("protection", t.protection().choice());
        f.choice("firmness", t.contributionBasis().firmness());
        f.choice("deposit", t.deposit().choice());
        f.choice("signature", t.signature().choice());
        f.choice("annex1", t.annex1().choice());

        f.field("N° DE L'AVENANT", t.amendmentNumber());
        f.field("DATE AVENANT L.342-2", date(t.amendmentDate()));
        f.field("DATE FIN VALIDITE AVENANT", date(t.validUntil()));
        f.field("Qualité, Nom, Prénom du destinataire", party(t.recipient()));
        f.field("Qualité, Nom, Prénom du Demandeur", party(t.requester()));
        f.field("ADRESSE_DESTINATAIRE", t.recipientAddress().street());
        f.field("ADRESSE_DESTINATAIRE_COMPLEMENT", orEmpty(t.recipientAddress().complement()));
        f.field("CP", t.recipientAddress().postalCode());
        f.field("COMMUNE", t.recipientAddress().city());
        f.field("PAYS", orEmpty(t.recipientAddress().country()));
        f.field("ADRESSE_TRAVAUX", t.worksAddress().street());
        f.field("ADRESSE_TRAVAUX_COMPLEMENT", orEmpty(t.worksAddress().complement()));
        f.field("CP_TRAVAUX", t.worksAddress().postalCode());
        f.field("COMMUNE_TRAVAUX", t.worksAddress().city());

        f.field("Date réception de la demande", date(t.requestReceived()));
        f.field("Date de qualification", date(t.requestComplete()));
        f.field("Date PDR", date(t.pdrDate()));
        f.field("N° PDR", t.pdrNumber());
        f.field("Date réception demande L. 342-2", date(t.l3422RequestDate()));
        f.field("PR demandée", number(t.connectionPowerKw()));
        f.field("15/20", String.valueOf(t.connectionVoltageKv()));

        AmendmentTerms.HtaSolution h = t.htaSolution();
        f.field("coupure d'artère / double dérivation / antenne", switch (h.feedingScheme()) {
            case COUPURE_ARTERE -> "coupure d'artère";
            case DOUBLE_DERIVATION -> "double dérivation";
            case ANTENNE -> "antenne";
        });
        f.field("tension d'alimentation", String.valueOf(h.supplyVoltageKv()));
        f.field("souterraine / aérienne", h.laying() == AmendmentTerms.HtaSolution.Laying.SOUTERRAINE ? "souterraine"
                : "aérienne");
        f.field("SSS", h.sectionMm2() + " mm²");
        f.field("Alu/Cu", h.conductor() == AmendmentTerms.HtaSolution.Conductor.ALU ? "Alu" : "Cu");
        f.field("XXX", String.valueOf(h.lengthM()));
        f.field("YYY", String.valueOf(h.lengthOnSiteM()));
        f.field("LLL", h.replacedLengthM() == null ? "" : String.valueOf(h.replacedLengthM()));
        f.field("Décrire la demande", orEmpty(t.deliveryPoint().description()));
        f.field("tension", t.metering().voltageKv() == null ? "" : String.valueOf(t.metering().voltageKv()));
        f.field("10/15", t.metering().currentVoltageKv() == null ? "" : String.valueOf(t.metering().currentVoltageKv()));

        AmendmentTerms.EnedisOrrWorks orr = t.enedisOrrWorks();
        f.field("Détailler ici les tenants et aboutissants des travaux de raccordement ORR réalisés par Enedis",
                orr == null ? "" : orr.description());
        f.list("Liste complémentaire des travaux ORR d'Enedis", orr == null ? null : orr.additional());
        f.field("Détailler ici les travaux réalisés par Enedis hors ORR",
                orr == null ? "" : orEmpty(orr.outsideOrrDescription()));
        f.list("Travaux d'Enedis hors ORR", t.enedisWorksOutsideOrr().works());
        f.list("Liste complémentaire des Travaux Mandataire ORR", t.requesterOrrWorks());
        f.list("Travaux Mandataire hors ORR", t.requesterWorksOutsideOrr());

        String basis = t.contributionBasis().basis() == AmendmentTerms.ContributionBasis.Basis.FCS
                ? "des Formules de Coûts Simplifiée (FCS)" : "des coûts réels";
        f.field("des Formules de Coûts Simplifiée (FCS) / des coûts réels", basis);
        f.field("Montant Réfaction Travaux Enedis", money(c.refaction()));
        f.field("Montant réfaction Travaux Mandataire HT", money(t.pdrOrrRefactionExclTax()));
        f.field("Montant TTC à régler", money(c.totalInclTax()));
        f.field("pourcentage acompte", percent(a.depositPercentage()));
        f.field("Montant acompte TTC", money(a.depositDue()));
        f.field("date du jour", date(a.economicConditionsDate()));
        f.field("Délai d'exécution", String.valueOf(t.executionDelayWeeks()));
        f.field("Nom de l'entité", t.delayContactEntity());
        f.field("Entité de réception des paiements", t.paymentEntity().name());
        f.field("Adresse de l'entité de réception des paiements", oneLine(t.paymentEntity().address()));
        f.field("délai d'élaboration de la CR", String.valueOf(t.connectionAgreementDelayWeeks()));
        f.field("adresse entité consuel", oneLine(t.consuelAddress()));
        f.field("Prénom Nom interlocuteur", t.contact().name());
        f.field("N° de Téléphone", t.contact().phone());
        f.field("Adresse Courriel", t.contact().email());
        f.field("Nom de l'entité des réclamations", t.complaintsEntity().name());
        f.field("Adresse complète de l'entité", oneLine(t.complaintsEntity().address()));
        f.field("Montant total TTC", money(c.totalInclTax()));
        f.list("Pièces du dossier de demande", t.annex1().documents());
        f.field("Montant HT PDR ORR", money(t.pdrOrrAmountExclTax()));
        f.field("Montant HT Avenant L. 342-2", money(c.totalExclTax()));
        f.field("Montant réfaction PDR ORR", money(t.pdrOrrRefactionExclTax()));
        return f;
    }

    private void choice(String group, Object value) {
        choices.put(group, String.valueOf(value));
    }

    private void field(String name, String value) {
        fields.put(name, List.of(value == null ? "" : value));
    }

    private void list(String name, List<String> values) {
        fields.put(name, values == null ? List.of() : List.copyOf(values));
    }

    static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** "12 721,42": a no-break space between thousands, a decimal comma, two decimals. */
    static String money(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        return String.format(Locale.FRANCE, "%,.2f", amount).replace('\u202f', NBSP).replace(' ', NBSP);
    }

    static String percent(BigDecimal rate) {
        return rate.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    private static String number(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    private static String party(AmendmentTerms.Party p) {
        return p == null ? "" : String.join(" ", Arrays.stream(new String[]{p.title(), p.lastName(), p.firstName()})
                .filter(s -> s != null && !s.isBlank()).toList());
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\n\\s*", ", ");
    }
}
