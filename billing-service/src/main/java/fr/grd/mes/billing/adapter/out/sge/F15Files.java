package fr.grd.mes.billing.adapter.out.sge;

import fr.grd.mes.billing.adapter.out.mongo.MongoBillRepository;
import fr.grd.mes.billing.domain.BillingLine;
import fr.grd.mes.billing.domain.InterventionBill;
import fr.grd.mes.support.flowfile.FileNames;
import fr.grd.mes.support.flowfile.FlowContent;
import fr.grd.mes.support.flowfile.SgeSchemas;
import fr.grd.mes.support.flowfile.XmlDocument;
import fr.grd.mes.support.projection.DeliveryPointProjection;
import fr.grd.mes.support.port.KnownDeliveryPoint;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The F15 flow ("données de facturation des PRM") of a supplier's bills, as the SGE files suppliers already
 * parse: an {@code F15_Donnees_Generales} document (the invoice: header, distributor and supplier data, totals
 * and VAT detail, GRD.XSD.0302) and an {@code F15_Detail_Facturation} document (one valuation per intervention
 * with its valued elements, GRD.XSD.0299), both validated against the official schemas before they are stored.
 * The distributor's legal data come from {@code mes.files.distributor.*}; the supplier's contract and EIC are
 * derived from its id until a supplier registry exists.
 */
@Component
public class F15Files implements FlowContent {
    static final String XSD_VERSION = "3.3.2";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String NATURE_EV_PRESTATIONS = "02";

    private final MongoTemplate mongo;
    private final DeliveryPointProjection deliveryPoints;
    private final Map<String, String> distributor;

    public F15Files(MongoTemplate mongo, DeliveryPointProjection deliveryPoints,
                    @Value("${mes.files.distributor.name:GRD Distribution}") String name,
                    @Value("${mes.files.distributor.street:34 place des Corolles}") String street,
                    @Value("${mes.files.distributor.city:92400 Courbevoie}") String city,
                    @Value("${mes.files.distributor.siren:444608442}") String siren,
                    @Value("${mes.files.distributor.vat:FR66444608442}") String vat,
                    @Value("${mes.files.distributor.registry:RCS Nanterre 444 608 442}") String registry,
                    @Value("${mes.files.distributor.capital:270037000}") String capital) {
        this.mongo = mongo;
        this.deliveryPoints = deliveryPoints;
        this.distributor = Map.of("name", name, "street", street, "city", city, "siren", siren, "vat", vat,
                "registry", registry, "capital", capital);
    }

    @Override
    public String flow() {
        return "F15";
    }

    @Override
    public Set<String> suppliersWithRecords(Instant from, Instant to) {
        return bills(null, from, to).stream().map(InterventionBill::getSupplierId).collect(Collectors.toSet());
    }

    @Override
    public List<String> recordIds(String supplierId, Instant from, Instant to) {
        return bills(supplierId, from, to).stream().filter(bill -> !bill.getLines().isEmpty())
                .map(InterventionBill::getId).toList();
    }

    @Override
    public StoredRecord storedRecord(String recordId) {
        return new StoredRecord(MongoBillRepository.COLLECTION, recordId);
    }

    @Override
    public Documents documents(FileHeader header, List<String> recordIds) {
        Map<String, InterventionBill> found = mongo.find(Query.query(Criteria.where("_id").in(recordIds)
                        .and("supplierId").is(header.receiver())), InterventionBill.class, MongoBillRepository.COLLECTION).stream()
                .collect(Collectors.toMap(InterventionBill::getId, b -> b));
        List<InterventionBill> bills = recordIds.stream().map(found::get)
                .filter(bill -> bill != null && !bill.getLines().isEmpty()).toList();
        if (bills.isEmpty()) {
            return new Documents(0, List.of());
        }
        String invoice = String.format("F15%s%05d", header.contract().replaceAll("[^0-9A-Z]", ""), header.sequence());
        LocalDate invoiceDate = header.createdAt().atZone(PARIS).toLocalDate();
        byte[] general = general(header, invoice, invoiceDate, bills);
        SgeSchemas.validate(SgeSchemas.F15_GENERAL, general);
        List<Document> documents = new java.util.ArrayList<>(List.of(new Document(FileNames.f15GeneralData(header),
                general)));
        List<List<InterventionBill>> parts = FileNames.parts(bills, header.maxRecordsPerFile());
        for (int p = 0; p < parts.size(); p++) {
            byte[] detail = detail(header, invoice, invoiceDate, parts.get(p));
            SgeSchemas.validate(SgeSchemas.F15_DETAIL, detail);
            documents.add(new Document(FileNames.part(header, "F15", p + 1, parts.size()), detail));
        }
        return new Documents(bills.size(), documents);
    }

    private List<InterventionBill> bills(String supplierId, Instant from, Instant to) {
        Criteria criteria = Criteria.where("billedAt").gte(from).lt(to);
        if (supplierId != null) {
            criteria = criteria.and("supplierId").is(supplierId);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("billedAt", "_id")), InterventionBill.class,
                MongoBillRepository.COLLECTION);
    }

    private static void header(XmlDocument xml, FileHeader header) {
        xml.open("En_Tete_Flux")
                .element("Identifiant_Flux", "F15")
                .element("Libelle_Flux", "Donnees de facturation des PRM")
                .element("Version_XSD", XSD_VERSION)
                .element("Identifiant_Emetteur", header.issuer())
                .element("Identifiant_Destinataire", header.receiverEic())
                .element("Date_Creation", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        header.createdAt().atZone(PARIS).withNano(0)))
                .element("Identifiant_Contrat", header.contract())
                .close();
    }

    private byte[] general(FileHeader header, String invoice, LocalDate invoiceDate, List<InterventionBill> bills) {
        XmlDocument xml = new XmlDocument("F15_Donnees_Generales");
        header(xml, header);
        xml.open("En_Tete_Message")
                .element("Num_Facture", invoice)
                .element("Affectation", String.format("%019d", header.sequence()))
                .element("Date_Facture", invoiceDate)
                .element("Intitule_Facture", "Prestations de mise en service")
                .element("Type_Facture", "C")
                .element("Devise", "EUR")
                .element("Code_Mode_Reglement", "V")
                .element("Date_Reglement", invoiceDate.plusDays(30))
                .element("Delai_Reglement", 30)
                .element("Frequence_Facturation", "Z")
                .element("Type_Client", "0")
                .element("Dematerialisation", "D");
        xml.open("Donnees_GRD_Legales")
                .element("Ligne_Adresse_1", distributor.get("name"))
                .element("Ligne_Adresse_4", distributor.get("street"))
                .element("Ligne_Adresse_6", distributor.get("city"))
                .element("SIREN", distributor.get("siren"))
                .element("Code_TVA", distributor.get("vat"))
                .element("Registre_Commerce", distributor.get("registry"))
                .element("Capital", distributor.get("capital"))
                .close();
        String supplierContract = header.contract().length() > 9 ? header.contract().substring(header.contract().length() - 9)
                : header.contract();
        xml.open("Donnees_Client")
                .element("Id_Contrat", supplierContract)
                .element("Ligne_Adresse_1", header.receiver())
                .element("Ligne_Adresse_4", "Service facturation acheminement")
                .element("Ligne_Adresse_6", "France")
                .element("Code_TVA", "FR00000000000")
                .close();
        xml.open("Donnees_Destinataire_Facture")
                .element("Ligne_Adresse_1", header.receiver())
                .element("Ligne_Adresse_4", "Service facturation acheminement")
                .element("Ligne_Adresse_6", "France")
                .close();
        xml.close();

        BigDecimal ht = sum(bills, InterventionBill::totalExclTax);
        BigDecimal vat = sum(bills, InterventionBill::totalVat);
        xml.open("Fin_Message")
                .element("Montant_Total_HT", ht.toPlainString())
                .element("Montant_Total_TVA", vat.toPlainString())
                .element("Montant_Total_TTC", ht.add(vat).toPlainString())
                .element("Nb_Donnees_Valorisation_Total", bills.size());
        Map<String, List<BillingLine>> byCode = new TreeMap<>();
        Map<String, LocalDate[]> dates = new TreeMap<>();
        bills.forEach(bill -> bill.getLines().forEach(line -> {
            byCode.computeIfAbsent(line.code(), c -> new java.util.ArrayList<>()).add(line);
            dates.merge(line.code(), new LocalDate[]{bill.getInterventionDate(), bill.getInterventionDate()},
                    (a, b) -> new LocalDate[]{a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
        }));
        xml.open("Groupe_Recapitulatif").element("Nature_EV", NATURE_EV_PRESTATIONS);
        byCode.forEach((code, lines) -> xml.open("Element_Recapitulatif")
                .element("Id_EV", code)
                .element("Libelle_EV", lines.get(0).label())
                .element("Nb_EV", lines.size())
                .element("Type_Facturation", "EVNT")
                .element("Date_Debut_Prix", dates.get(code)[0])
                .element("Date_Fin_Prix", dates.get(code)[1])
                .element("Montant_HT", lines.stream().map(BillingLine::amountExclTax)
                        .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add).toPlainString())
                .element("Taux_TVA_Applicable", lines.get(0).vatRate().toPlainString())
                .element("Date_TVA_Applicable", dates.get(code)[0])
                .close());
        xml.close();
        Map<String, BigDecimal[]> vatByRate = new TreeMap<>();
        bills.forEach(bill -> bill.getLines().forEach(line -> vatByRate.merge(line.vatRate().toPlainString(),
                new BigDecimal[]{line.amountExclTax(), line.vatAmount()},
                (a, b) -> new BigDecimal[]{a[0].add(b[0]), a[1].add(b[1])})));
        vatByRate.forEach((rate, amounts) -> xml.open("Detail_TVA")
                .element("Libelle", "TVA " + rate + " %")
                .element("Taux_TVA_Applicable", rate)
                .element("Assiette", amounts[0].toPlainString())
                .element("Montant", amounts[1].toPlainString())
                .close());
        xml.close();
        return xml.toBytes();
    }

    private byte[] detail(FileHeader header, String invoice, LocalDate invoiceDate, List<InterventionBill> bills) {
        XmlDocument xml = new XmlDocument("F15_Detail_Facturation");
        header(xml, header);
        xml.open("Rappel_En_Tete").element("Num_Facture", invoice).element("Date_Facture", invoiceDate)
                .element("Devise", "EUR").close();
        for (InterventionBill bill : bills) {
            xml.open("Donnees_Valorisation")
                    .element("Num_Valorisation", bill.getId())
                    .element("Type_Facturation", "EVNT")
                    .element("Total_Valorise_HT", bill.totalExclTax().toPlainString())
                    .element("Total_Valorise_TVA", bill.totalVat().toPlainString())
                    .element("Total_Valorise_TTC", bill.totalInclTax().toPlainString())
                    .element("Id_Affaire", bill.getCaseId())
                    .element("Ref_Fournisseur", bill.getExternalReference())
                    .element("Date_Effet", bill.getInterventionDate())
                    .element("Periode_Ante_Migration", "false");
            KnownDeliveryPoint point = deliveryPoints.find(bill.getPdl()).orElse(null);
            if (point != null && point.inseeCode() != null) {
                xml.open("Donnees_PRM")
                        .element("Id_PRM", bill.getPdl())
                        .element("Code_Commune", point.inseeCode())
                        .element("Code_Departement", point.inseeCode().startsWith("97") ? point.inseeCode().substring(0, 3)
                                : point.inseeCode().substring(0, 2))
                        .element("Ref_Situation_Contractuelle", "SC" + bill.getCaseId())
                        .element("Type_Compteur", meterTypeCode(point.meterType()))
                        .close();
            }
            xml.open("Groupe_Valorise").element("Nature_EV", NATURE_EV_PRESTATIONS);
            for (BillingLine line : bill.getLines()) {
                xml.open("Element_Valorise")
                        .element("Id_EV", line.code())
                        .element("Libelle_EV", line.label())
                        .element("Date_Debut", bill.getInterventionDate())
                        .element("Date_Fin", bill.getInterventionDate())
                        .element("Quantite", line.quantity())
                        .element("Unite_Quantite", "UNITE")
                        .element("Prix_Unitaire", line.unitPriceExclTax().toPlainString())
                        .element("Montant_HT", line.amountExclTax().toPlainString())
                        .element("Taux_TVA_Applicable", line.vatRate().toPlainString())
                        .element("Date_TVA_Applicable", bill.getInterventionDate())
                        .close();
            }
            xml.close();
            xml.close();
        }
        return xml.toBytes();
    }

    /** SGE meter type codes are 3 characters: a Linky meter is "CCB" (communicating meter). */
    static String meterTypeCode(String meterType) {
        if (meterType == null) {
            return "NC";
        }
        String upper = meterType.toUpperCase();
        if (upper.contains("LINKY")) {
            return "CCB";
        }
        return upper.length() > 3 ? upper.substring(0, 3) : upper;
    }

    private static BigDecimal sum(List<InterventionBill> bills, java.util.function.Function<InterventionBill, BigDecimal> f) {
        return bills.stream().map(f).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
