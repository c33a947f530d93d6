package fr.grd.mes.support.flowfile;

import org.bson.types.Binary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Cuts a supplier's flow into files: each new file covers the records since the previous file's end, gets
 * the next sequence number of that supplier and flow, is named like the real SGE files
 * ({@code <issuer>_<flow>_<receiver>_<contract>_<sequence>_<yyyyMMddHHmmss>.zip}) and is stored zipped. A
 * sequence number exists only once its file is stored (insert keyed by supplier, flow and sequence), so the
 * numbers have no gaps and two concurrent exports cannot both take the same one.
 */
public class FlowFileExporter {
    public static final String COLLECTION = "flow_files";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final MongoTemplate mongo;
    private final List<FlowContent> contents;
    private final Clock clock;
    private final String issuer;

    public FlowFileExporter(MongoTemplate mongo, List<FlowContent> contents, Clock clock, String issuer) {
        this.mongo = mongo;
        this.contents = List.copyOf(contents);
        this.clock = clock;
        this.issuer = issuer;
    }

    public List<String> flows() {
        return contents.stream().map(FlowContent::flow).toList();
    }

    /** The file of the supplier's records since its last file, or empty if there is nothing new. */
    public Optional<FlowFile> export(String supplierId, String flow, Instant until) {
        FlowContent content = content(flow);
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<FlowFile> last = last(supplierId, flow);
            Instant from = last.map(FlowFile::periodTo).orElse(Instant.EPOCH);
            if (!until.isAfter(from)) {
                return Optional.empty();
            }
            int sequence = last.map(f -> f.sequence() + 1).orElse(1);
            Instant now = clock.instant();
            FlowContent.FileHeader header = new FlowContent.FileHeader(issuer, supplierId, contractOf(supplierId),
                    sequence, now);
            FlowContent.Documents documents = content.documents(header, from, until);
            if (documents.isEmpty()) {
                return Optional.empty();
            }
            String name = String.join("_", issuer, flow, supplierId, header.contract(),
                    String.format("%05d", sequence), STAMP.format(now.atZone(PARIS))) + ".zip";
            FlowFile file = new FlowFile(FlowFile.idOf(supplierId, flow, sequence), supplierId, flow, sequence, name,
                    from, until, now, documents.recordCount(),
                    documents.documents().stream().map(FlowContent.Document::name).toList(), zip(documents));
            try {
                mongo.insert(toDocument(file), COLLECTION);
                return Optional.of(file);
            } catch (DuplicateKeyException concurrentExport) {
                // another export took this sequence number: start again after it
            }
        }
        throw new IllegalStateException("could not allocate a file sequence for " + supplierId + " " + flow);
    }

    /** The daily run for {@code day} (Europe/Paris): one file per supplier with records that day. */
    public int exportDay(LocalDate day) {
        Instant until = day.plusDays(1).atStartOfDay(PARIS).toInstant();
        int files = 0;
        for (FlowContent content : contents) {
            Instant from = day.atStartOfDay(PARIS).toInstant();
            for (String supplier : content.suppliersWithRecords(from, until)) {
                files += export(supplier, content.flow(), until).isPresent() ? 1 : 0;
            }
        }
        return files;
    }

    public List<FlowFile> list(String supplierId, String flow) {
        Criteria criteria = Criteria.where("supplierId").is(supplierId);
        if (flow != null) {
            criteria = criteria.and("flow").is(flow);
        }
        Query query = Query.query(criteria).with(Sort.by("flow", "sequence"));
        return mongo.find(query, org.bson.Document.class, COLLECTION).stream().map(FlowFileExporter::fromDocument)
                .toList();
    }

    public Optional<FlowFile> byName(String supplierId, String fileName) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("supplierId").is(supplierId)
                .and("fileName").is(fileName)), org.bson.Document.class, COLLECTION)).map(FlowFileExporter::fromDocument);
    }

    private Optional<FlowFile> last(String supplierId, String flow) {
        Query query = Query.query(Criteria.where("supplierId").is(supplierId).and("flow").is(flow))
                .with(Sort.by(Sort.Direction.DESC, "sequence")).limit(1);
        return Optional.ofNullable(mongo.findOne(query, org.bson.Document.class, COLLECTION))
                .map(FlowFileExporter::fromDocument);
    }

    private FlowContent content(String flow) {
        return contents.stream().filter(c -> c.flow().equals(flow)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("this service does not produce flow " + flow));
    }

    /** The supplier's contract with the distributor ("contrat GRD-F"), as it appears in file names. */
    public static String contractOf(String supplierId) {
        String contract = "GRDF-" + supplierId.replaceAll("[^A-Za-z0-9]", "");
        return contract.length() > 20 ? contract.substring(0, 20) : contract;
    }

    private static byte[] zip(FlowContent.Documents documents) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (FlowContent.Document document : documents.documents()) {
                zip.putNextEntry(new ZipEntry(document.name()));
                zip.write(document.xml());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private static org.bson.Document toDocument(FlowFile file) {
        return new org.bson.Document("_id", file.id()).append("supplierId", file.supplierId())
                .append("flow", file.flow()).append("sequence", file.sequence()).append("fileName", file.fileName())
                .append("periodFrom", java.util.Date.from(file.periodFrom()))
                .append("periodTo", java.util.Date.from(file.periodTo()))
                .append("createdAt", java.util.Date.from(file.createdAt())).append("recordCount", file.recordCount())
                .append("entries", file.entries()).append("zip", new Binary(file.zip()));
    }

    private static FlowFile fromDocument(org.bson.Document doc) {
        return new FlowFile(doc.getString("_id"), doc.getString("supplierId"), doc.getString("flow"),
                doc.getInteger("sequence"), doc.getString("fileName"), doc.getDate("periodFrom").toInstant(),
                doc.getDate("periodTo").toInstant(), doc.getDate("createdAt").toInstant(), doc.getInteger("recordCount"),
                doc.getList("entries", String.class), doc.get("zip", Binary.class).getData());
    }
}
