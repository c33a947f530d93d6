package fr.grd.mes.request.adapter.out.sge;

import fr.grd.mes.request.adapter.out.mongo.MongoCaseRepository;
import fr.grd.mes.request.domain.Case;
import fr.grd.mes.request.domain.CaseStatus;
import fr.grd.mes.request.domain.Milestone;
import fr.grd.mes.request.domain.MilestoneCode;
import fr.grd.mes.support.flowfile.FileNames;
import fr.grd.mes.support.flowfile.FlowContent;
import fr.grd.mes.support.flowfile.SgeSchemas;
import fr.grd.mes.support.flowfile.XmlDocument;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The X12 flow ("suivi des affaires initiées par le fournisseur"): every case of the supplier that moved in
 * the period, with its status (COURS / TERMN) and all its numbered, dated milestones, the PdL, the request
 * object (MES), the channel (PORTAIL) and the supplier's reference.
 */
@Component
public class X12Files implements FlowContent {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final MongoTemplate mongo;

    public X12Files(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public String flow() {
        return "X12";
    }

    @Override
    public Set<String> suppliersWithRecords(Instant from, Instant to) {
        return moved(null, from, to).stream().map(Case::getSupplierId).collect(Collectors.toSet());
    }

    @Override
    public List<String> recordIds(String supplierId, Instant from, Instant to) {
        return moved(supplierId, from, to).stream().map(Case::getId).toList();
    }

    @Override
    public StoredRecord storedRecord(String recordId) {
        return new StoredRecord(MongoCaseRepository.COLLECTION, recordId);
    }

    @Override
    public Documents documents(FileHeader header, List<String> recordIds) {
        java.util.Map<String, Case> found = mongo.find(Query.query(Criteria.where("_id").in(recordIds)
                        .and("supplierId").is(header.receiver())), Case.class, MongoCaseRepository.COLLECTION).stream()
                .collect(Collectors.toMap(Case::getId, c -> c));
        List<Case> cases = recordIds.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
        if (cases.isEmpty()) {
            return new Documents(0, List.of());
        }
        List<List<Case>> parts = FileNames.parts(cases, header.maxRecordsPerFile());
        List<Document> documents = new java.util.ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            byte[] bytes = document(header, parts.get(p));
            SgeSchemas.validate(SgeSchemas.X12, bytes);
            documents.add(new Document(FileNames.part(header, "X12", p + 1, parts.size()), bytes));
        }
        return new Documents(cases.size(), documents);
    }

    private static byte[] document(FileHeader header, List<Case> cases) {
        XmlDocument xml = new XmlDocument("affaires");
        xml.open("enteteFlux")
                .element("idFlux", "X12")
                .element("libelle", "Suivi des affaires initiées par le fournisseur")
                .element("versionXsd", "2.0.0")
                .element("idEmetteur", header.issuer())
                .element("idDestinataire", header.receiverEic())
                .element("dateCreation", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        header.createdAt().atZone(PARIS).withNano(0)))
                .close();
        xml.element("nbAffaires", cases.size());
        for (Case c : cases) {
            xml.open("affaire").attribute("id", c.getId());
            xml.open("donneesGenerales").element("referenceDemandeur", c.getExternalReference());
            xml.open("statut").attribute("code", c.getStatus().name())
                    .element("libelle", c.getStatus() == CaseStatus.TERMN ? "Terminé" : "En cours").close();
            xml.open("jalons");
            for (Milestone m : c.getMilestones()) {
                xml.open("jalon")
                        .element("num", m.number())
                        .element("dateHeure", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(m.at().atZone(PARIS)))
                        .element("affaireDateEffet", effectiveDate(c, m));
                xml.open("affaireEtat").attribute("code", m.code().name()).element("libelle", m.label()).close();
                xml.element("commentaire", m.detail());
                xml.close();
            }
            xml.close();
            xml.open("donneesPoint").element("id", c.getPdl());
            xml.open("segmentClientele").attribute("code", "C5").element("libelle", "C5").close();
            xml.close();
            xml.element("segment", "C5");
            xml.element("dateEffetIntervention", c.getEffectiveInterventionDate());
            xml.close();
            xml.open("demande").open("donneesGenerales");
            xml.open("objet").attribute("code", Case.REQUEST_OBJECT)
                    .element("libelle", "Mise en service sur installation existante").close();
            xml.element("pointId", c.getPdl());
            xml.open("media").attribute("code", "PTL").element("libelle", Case.CHANNEL).close();
            xml.open("version").attribute("code", c.getRequestVersion().name())
                    .element("libelle", c.getRequestVersion().name().equals("EXPRESS") ? "Express" : "Standard").close();
            xml.element("affaireRenouvelee", c.getRenewalOf());
            xml.element("affaireDeRenouvellement", c.getRenewedBy());
            xml.close().close();
            xml.close();
        }
        return xml.toBytes();
    }
    /** The date a milestone takes effect: the intervention date for CPRE, the appointment for INPL. */
    private static LocalDate effectiveDate(Case c, Milestone m) {
        if (m.code() == MilestoneCode.CPRE && c.getEffectiveInterventionDate() != null) {
            return c.getEffectiveInterventionDate();
        }
        return m.at().atZone(PARIS).toLocalDate();
    }

    private List<Case> moved(String supplierId, Instant from, Instant to) {
        Criteria criteria = Criteria.where("milestones").elemMatch(Criteria.where("at").gte(from).lt(to));
        if (supplierId != null) {
            criteria = criteria.and("supplierId").is(supplierId);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("_id")), Case.class, MongoCaseRepository.COLLECTION);
    }
}
