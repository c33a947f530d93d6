package fr.grd.mes.support.flowfile;

import fr.grd.mes.support.port.SupplierIdentity;
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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Cuts a supplier's flow into files: each new file covers the records since the previous file's end, gets
 * the next sequence number of that supplier and flow, is named as the public conventions say ({@link FileNames})
 * and is stored zipped. A
 * sequence number exists only once its file is stored (insert keyed by supplier, flow and sequence), so the
 * numbers have no gaps and two concurrent exports cannot both take the same one.
 */
public class FlowFileExporter {
    public static final String COLLECTION = "flow_files";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final MongoTemplate mongo;
    private final List<FlowContent> contents;
    private final Clock clock;
    private final String issuer;
    private final FlowHolds holds;
    private final java.util.function.Consumer<String> onHeld;
    private final java.util.function.BiConsumer<String, String> onUnregistered;
    private final SupplierIdentity identity;
    private final String regionalDirection;
    private final int maxRecordsPerFile;

    /**
     * @param issuer            the distributor's EIC code
     * @param regionalDirection the distributor's regional direction code (4 digits) in C15 and F15 names
     * @param maxRecordsPerFile records (PRMs, cases) an inner file holds at most before the flow is split
     * @param onHeld            told the flow of each record set aside (a metric, a log line)
     * @param onUnregistered    told (flow, supplier) when a daily file waits for the supplier's registration
     */
    public FlowFileExporter(MongoTemplate mongo, List<FlowContent> contents, Clock clock, String issuer,
                            SupplierIdentity identity, String regionalDirection, int maxRecordsPerFile,
                            FlowHolds holds, java.util.function.Consumer<String> onHeld,
                            java.util.function.BiConsumer<String, String> onUnregistered) {
        this.mongo = mongo;
        this.contents = List.copyOf(contents);
        this.clock = clock;
        this.issuer = issuer;
        this.identity = identity;
        this.regionalDirection = regionalDirection;
        this.maxRecordsPerFile = maxRecordsPerFile;
        this.holds = holds;
        this.onHeld = onHeld;
        this.onUnregistered = onUnregistered;
    }

    public FlowHolds holds() {
        return holds;
    }

    public List<String> flows() {
        return contents.stream().map(FlowContent::flow).toList();
    }

    /**
     * The file of the supplier's records since its last file (plus the records an operator released since), or
     * empty if there is nothing new. A record that cannot be written is left out and held for an operator
     * ({@link FlowHolds}) with the reason; the file goes out with the others, so one bad record never blocks a
     * supplier's flow.
     */
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
            FlowContent.FileHeader header = header(supplierId, sequence, now);
            Set<String> held = holds.recordIds(supplierId, flow, FlowHolds.Status.HELD);
            Set<String> released = holds.recordIds(supplierId, flow, FlowHolds.Status.RELEASED);
            Set<String> records = new LinkedHashSet<>(released);
            content.recordIds(supplierId, from, until).stream().filter(id -> !held.contains(id)).forEach(records::add);
            FlowContent.Documents documents = writable(content, header, new ArrayList<>(records));
            if (documents.isEmpty()) {
                return Optional.empty();
            }
            String name = FileNames.zip(header, flow);
            FlowFile file = new FlowFile(FlowFile.idOf(supplierId, flow, sequence), supplierId, flow, sequence, name,
                    from, until, now, documents.recordCount(),
                    documents.documents().stream().map(FlowContent.Document::name).toList(), zip(documents));
            try {
                mongo.insert(toDocument(file), COLLECTION);
                holds.delivered(supplierId, flow, released, name);
                return Optional.of(file);
            } catch (DuplicateKeyException concurrentExport) {
                // another export took this sequence number: start again after it
            }
        }
        throw new IllegalStateException("could not allocate a file sequence for " + supplierId + " " + flow);
    }

    /**
     * The documents of {@code records}; if they cannot be written together, each record is tried alone and the
     * ones that fail are held with their reason, then the documents of the rest are written.
     */
    private FlowContent.Documents writable(FlowContent content, FlowContent.FileHeader header, List<String> records) {
        if (records.isEmpty()) {
            return new FlowContent.Documents(0, List.of());
        }
        try {
            return content.documents(header, records);
        } catch (RuntimeException together) {
            List<String> good = new ArrayList<>();
            for (String record : records) {
                Optional<String> problem = problemOf(content, header, record);
                if (problem.isPresent()) {
                    holds.hold(header.receiver(), content.flow(), record, problem.get(), clock.instant());
                    onHeld.accept(content.flow());
                } else {
                    good.add(record);
                }
            }
            if (good.size() == records.size()) {
                throw together;
            }
            return good.isEmpty() ? new FlowContent.Documents(0, List.of()) : content.documents(header, good);
        }
    }

    /** Why this record alone cannot be written into a file, or empty if it can. */
    public Optional<String> problemOf(String supplierId, String flow, String recordId) {
        return problemOf(content(flow), header(supplierId, 1, clock.instant()), recordId);
    }

    private static Optional<String> problemOf(FlowContent content, FlowContent.FileHeader header, String recordId) {
        try {
            content.documents(header, List.of(recordId));
            return Optional.empty();
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return Optional.of(message.length() > 500 ? message.substring(0, 500) : message);
        }
    }

    /**
     * The operator's repair of a held record: every text of its stored document that a flow file cannot carry
     * loses the characters it cannot carry ({@link fr.grd.mes.support.text.PlainText#repaired}). Returns how many
     * values changed.
     */
    public int repairText(String flow, String recordId) {
        FlowContent.StoredRecord stored = content(flow).storedRecord(recordId);
        org.bson.Document doc = mongo.findById(stored.documentId(), org.bson.Document.class, stored.collection());
        if (doc == null) {
            return 0;
        }
        int[] changed = {0};
        org.bson.Document repaired = (org.bson.Document) repairStrings(doc, changed);
        if (changed[0] == 0) {
            return 0;
        }
        org.bson.Document filter = new org.bson.Document("_id", doc.get("_id"));
        if (doc.get("version") instanceof Number version) {
            // an aggregate with optimistic locking: replace only the version read, and move it on
            filter.append("version", version);
            repaired.put("version", version.longValue() + 1);
        }
        if (mongo.getCollection(stored.collection()).replaceOne(filter, repaired).getMatchedCount() == 0) {
            throw new org.springframework.dao.OptimisticLockingFailureException(
                    "record " + recordId + " changed meanwhile; repair it again");
        }
        return changed[0];
    }

    private static Object repairStrings(Object value, int[] changed) {
        if (value instanceof String s && fr.grd.mes.support.text.PlainText.problem(s, true).isPresent()) {
            changed[0]++;
            return fr.grd.mes.support.text.PlainText.repaired(s, true);
        }
        if (value instanceof org.bson.Document d) {
            org.bson.Document out = new org.bson.Document();
            d.forEach((k, v) -> out.append(k, repairStrings(v, changed)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> repairStrings(v, changed)).collect(java.util.stream.Collectors.toList());
        }
        return value;
    }

    /** The daily run for {@code day} (Europe/Paris): one file per supplier with records that day. */
    public int exportDay(LocalDate day) {
        Instant until = day.plusDays(1).atStartOfDay(PARIS).toInstant();
        int files = 0;
        for (FlowContent content : contents) {
            Instant from = day.atStartOfDay(PARIS).toInstant();
            Set<String> suppliers = new java.util.TreeSet<>(content.suppliersWithRecords(from, until));
            suppliers.addAll(holds.suppliersWithReleased(content.flow()));
            for (String supplier : suppliers) {
                try {
                    files += export(supplier, content.flow(), until).isPresent() ? 1 : 0;
                } catch (SupplierIdentity.Unregistered unregistered) {
                    // the next daily run (or an on-demand export) sends it once the supplier is registered
                    onUnregistered.accept(content.flow(), supplier);
                }
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

    private FlowContent.FileHeader header(String supplierId, int sequence, Instant now) {
        return new FlowContent.FileHeader(issuer, supplierId, identity.eicOf(supplierId), identity.contractOf(supplierId),
                regionalDirection, sequence, now, maxRecordsPerFile);
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
