package fr.grd.mes.contract.adapter.out.sge;

import fr.grd.mes.contract.adapter.out.mongo.MongoDeliveryPointRepository;
import fr.grd.mes.contract.domain.DeliveryPoint;
import fr.grd.mes.contract.domain.PerimeterEntry;
import fr.grd.mes.support.flowfile.FileNames;
import fr.grd.mes.support.flowfile.FlowContent;
import fr.grd.mes.support.flowfile.SgeSchemas;
import fr.grd.mes.support.flowfile.XmlDocument;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The C15 flow ("situation contractuelle des PRM du segment C5") of a supplier: one {@code PRM} per perimeter
 * entry of the period, with its triggering event (CONTRAT, nature MES, the case and the supplier's
 * reference, the index read at the intervention), its installation address, its contractual situation
 * (EN SERVICE from the intervention date) and its supply (ALIM), validated against GRD.XSD.0301.
 */
@Component
public class C15Files implements FlowContent {
    static final String XSD_VERSION = "4.1.1";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final MongoTemplate mongo;

    public C15Files(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public String flow() {
        return "C15";
    }

    private record Entry(DeliveryPoint point, PerimeterEntry entry) {
    }

    @Override
    public Set<String> suppliersWithRecords(Instant from, Instant to) {
        Set<String> suppliers = new HashSet<>();
        entries(null, from, to).forEach(e -> suppliers.add(e.entry().supplierId()));
        return suppliers;
    }

    /** A C15 record is one perimeter entry: the PdL and the case through which it entered the perimeter. */
    private static String recordId(Entry e) {
        return e.point().getId() + "-" + e.entry().caseId();
    }

    @Override
    public List<String> recordIds(String supplierId, Instant from, Instant to) {
        return entries(supplierId, from, to).stream().map(C15Files::recordId).toList();
    }

    @Override
    public StoredRecord storedRecord(String recordId) {
        return new StoredRecord(MongoDeliveryPointRepository.COLLECTION, recordId.substring(0, recordId.indexOf('-')));
    }

    @Override
    public Documents documents(FileHeader header, List<String> recordIds) {
        Set<String> pdls = recordIds.stream().map(id -> id.substring(0, id.indexOf('-')))
                .collect(java.util.stream.Collectors.toSet());
        java.util.Map<String, Entry> byId = new java.util.HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(pdls)), DeliveryPoint.class, MongoDeliveryPointRepository.COLLECTION)
                .forEach(point -> point.getPerimeter().stream()
                        .filter(entry -> header.receiver().equals(entry.supplierId()))
                        .map(entry -> new Entry(point, entry)).forEach(e -> byId.put(recordId(e), e)));
        List<Entry> entries = recordIds.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
        if (entries.isEmpty()) {
            return new Documents(0, List.of());
        }
        List<List<Entry>> parts = FileNames.parts(entries, header.maxRecordsPerFile());
        List<Document> documents = new java.util.ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            byte[] bytes = document(header, parts.get(p));
            SgeSchemas.validate(SgeSchemas.C15, bytes);
            documents.add(new Document(FileNames.part(header, "C15", p + 1, parts.size()), bytes));
        }
        return new Documents(entries.size(), documents);
    }

    private static byte[] document(FileHeader header, List<Entry> entries) {
        XmlDocument xml = new XmlDocument("C15");
        xml.open("En_Tete_Flux")
                .element("Identifiant_Flux", "C15")
                .element("Libelle_Flux", "Description de la situation contractuelle des PRM du segment C5")
                .element("Version_XSD", XSD_VERSION)
                .element("Identifiant_Emetteur", header.issuer())
                .element("Identifiant_Destinataire", header.receiverEic())
                .element("Date_Creation", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        header.createdAt().atZone(PARIS).withNano(0)))
                .close();
        xml.open("Contrat")
                .element("Identifiant", header.contract())
                .element("Nature_Contrat", "GRD-F")
                .element("Code_EIC_Responsable_Equilibre", header.receiverEic())
                .close();
        for (Entry e : entries) {
            DeliveryPoint point = e.point();
            PerimeterEntry entry = e.entry();
            xml.open("PRM")
                    .element("Id_PRM", point.getId())
                    .element("Segment_Clientele", "C5")
                    .element("Refus_Pose_AMM", "false");
            xml.open("Evenement_Declencheur")
                    .element("Type_Evenement", "CONTRAT")
                    .element("Date_Evenement", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(entry.from().atStartOfDay(PARIS)))
                    .element("Nature_Evenement", "MES")
                    .element("Id_Affaire", entry.caseId())
                    .element("Ref_Demandeur", entry.requesterReference());
            // the index read at the mise en service opens the new contractual situation: the reading "after" the
            // event (Code_Qualification 2; 1 is the reading before it, as a résiliation or a switch-out carries)
            xml.open("Releves").open("Donnees_Releve")
                    .element("Code_Qualification", 2)
                    .element("Date_Releve", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(entry.from().atStartOfDay(PARIS)))
                    .element("Nature_Index", "REEL");
            xml.open("Classe_Temporelle")
                    .element("Id_Classe_Temporelle", "BASE")
                    .element("Libelle_Classe_Temporelle", "Base")
                    .element("Rang_Cadran", 1)
                    .element("Classe_Mesure", 1)
                    .element("Unite_Mesure", "kWh")
                    .element("Sens_Mesure", 0)
                    .element("Valeur", entry.meterIndex())
                    .element("Nb_Chiffres_Cadran", 6)
                    .element("Indicateur_Passage_A_Zero", 0)
                    .element("Coefficient_Lecture", 1)
                    .close();
            xml.close().close().close();
            xml.open("Adresse_Installation")
                    .element("Rue", truncate(point.getAddress().street(), 38))
                    .element("Code_Postal", point.getAddress().postalCode())
                    .element("Code_Commune", point.getAddress().inseeCode())
                    .element("Libelle_Commune", truncate(point.getAddress().city(), 38))
                    .close();
            xml.open("Situation_Contractuelle")
                    .element("Etat_Contractuel", "EN SERVICE")
                    .element("Ref_Situation_Contractuelle", "SC" + entry.caseId())
                    .element("Date_Mise_En_Service", entry.from())
                    .element("Num_Sequence", 1)
                    .element("Date_Debut_Num_Sequence", entry.from())
                    .close();
            xml.open("Alimentation")
                    .element("Etat_Alimentation", "ALIM")
                    .element("Date_Debut_Etat_Alimentation", entry.from())
                    .element("Mode_Alimentation", "MONO")
                    .close();
            xml.close();
        }
        return xml.toBytes();
    }

    private List<Entry> entries(String supplierId, Instant from, Instant to) {
        Criteria inPeriod = Criteria.where("recordedAt").gte(from).lt(to);
        if (supplierId != null) {
            inPeriod = inPeriod.and("supplierId").is(supplierId);
        }
        List<DeliveryPoint> points = mongo.find(Query.query(Criteria.where("perimeter").elemMatch(inPeriod)),
                DeliveryPoint.class, MongoDeliveryPointRepository.COLLECTION);
        return points.stream().flatMap(point -> point.getPerimeter().stream()
                        .filter(entry -> entry.recordedAt() != null && !entry.recordedAt().isBefore(from)
                                && entry.recordedAt().isBefore(to)
                                && (supplierId == null || supplierId.equals(entry.supplierId())))
                        .map(entry -> new Entry(point, entry)))
                .sorted(Comparator.comparing((Entry e) -> e.entry().recordedAt()).thenComparing(e -> e.point().getId()))
                .toList();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
