package fr.grd.mes.localstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The end-to-end tests' only door to the services' own databases, and what it is for: <em>faults</em> no API can
 * cause — text no XML file can carry, as a careless import would leave; documents a service's mapping cannot
 * read, as a botched migration would; the state a crash leaves between two steps — and the one thing no API shows,
 * each service's copy of the referential (its projection's revision per delivery point). Everything a test
 * <em>checks</em> about a case, an appointment, a bill or a delivery point it reads as a supplier or an operator
 * does: over the public HTTP API ({@link fr.grd.mes.client.PlatformClient}) and on the topics. A service's own
 * store is read by that service's component test, not here.
 */
final class Stores {
    private final MongoClient mongo;

    Stores(MongoClient mongo) {
        this.mongo = mongo;
    }

    private MongoCollection<Document> collection(String database, String name) {
        return mongo.getDatabase(database).getCollection(name);
    }

    /** Writes text no XML 1.0 file can carry into each service's own copy of the case, as a careless import would. */
    void writeTextNoFileCanCarry(String caseId, String text, String requesterReference) {
        writeTextNoBillingFileCanCarry(caseId, text);
        requireOne(collection("mes_request", "cases").updateOne(Filters.eq("_id", caseId),
                Updates.set("externalReference", text)).getModifiedCount(), "case " + caseId);
        MongoCollection<Document> points = collection("mes_contract", "delivery_points");
        Document point = points.find(Filters.eq("perimeter.caseId", caseId)).first();
        if (point == null) {
            throw new IllegalStateException("no delivery point entered a perimeter with case " + caseId);
        }
        point.getList("perimeter", Document.class).stream().filter(e -> caseId.equals(e.getString("caseId")))
                .forEach(e -> e.put("requesterReference", requesterReference));
        requireOne(points.replaceOne(Filters.eq("_id", point.get("_id")), point).getModifiedCount(), "point of " + caseId);
    }

    /** Writes text no XML 1.0 file can carry into billing's copy of the case only (its F15 record). */
    void writeTextNoBillingFileCanCarry(String caseId, String text) {
        requireOne(collection("mes_billing", "bills").updateOne(Filters.eq("caseId", caseId),
                Updates.set("externalReference", text)).getModifiedCount(), "bill of " + caseId);
    }

    /** One document per service that its mapping cannot read, as a botched migration would leave. */
    void insertUnreadableDocuments(String caseId, String supplierId, String pdl) {
        collection("mes_request", "cases").insertOne(new Document("_id", caseId)
                .append("supplierId", supplierId).append("status", "NO_SUCH_STATUS").append("requestVersion", "TURBO"));
        collection("mes_scheduling", "appointments").insertOne(new Document("_id", caseId + "-R1")
                .append("caseId", caseId).append("supplierId", supplierId).append("status", "NO_SUCH_STATUS")
                .append("kind", "NO_SUCH_KIND"));
        collection("mes_billing", "bills").insertOne(new Document("_id", caseId + "-R1")
                .append("caseId", caseId).append("supplierId", supplierId).append("interventionDate", "not a date")
                .append("billedAt", "not an instant"));
        collection("mes_contract", "delivery_points").insertOne(new Document("_id", pdl)
                .append("supplyState", "NO_SUCH_STATE").append("address", "not an address"));
    }

    /**
     * What scheduling's store holds when the service dies between storing an advancement's decision and giving the
     * initial place back: the appointment owes the release of its initial place ({@code initialDate}, AM), and that
     * place is still held in the charge table. Returns the bookings of that place as stored, to show it.
     */
    List<String> leaveAnAdvancementInterruptedBeforeTheRelease(String appointmentId, String zone,
                                                                LocalDate proposedDate, LocalDate initialDate) {
        MongoCollection<Document> appointments = collection("mes_scheduling", "appointments");
        MongoCollection<Document> chargeTable = collection("mes_scheduling", "charge_table");
        Document stored = appointments.find(Filters.eq("_id", appointmentId)).first();
        Document proposal = stored.get("advancement", Document.class).get("proposal", Document.class);
        Document initial = new Document(proposal);
        Object date = proposal.get("date");
        long days = java.time.temporal.ChronoUnit.DAYS.between(proposedDate, initialDate);
        initial.put("date", date instanceof java.util.Date d ? new java.util.Date(d.getTime() + days * 86_400_000L)
                : LocalDate.parse(date.toString()).plusDays(days).toString());
        initial.put("slot", "AM");
        appointments.updateOne(Filters.eq("_id", appointmentId), Updates.set("pendingPlaceSteps",
                List.of(new Document("action", "RELEASE").append("slot", initial).append("holder", appointmentId))));
        String place = zone + "|" + initialDate + "|AM";
        chargeTable.updateOne(Filters.eq("_id", place),
                Updates.combine(Updates.inc("remaining", -1), Updates.push("bookings", appointmentId)));
        return chargeTable.find(Filters.eq("_id", place)).first().getList("bookings", String.class);
    }

    /** Each service's copy of the referential: delivery point → revision, per database ("mes_request", …). */
    Map<String, Map<Object, String>> projectionRevisions() {
        Map<String, Map<Object, String>> revisions = new HashMap<>();
        for (String db : List.of("mes_contract", "mes_request", "mes_scheduling", "mes_billing")) {
            revisions.put(db, revisions(db));
        }
        return revisions;
    }

    private Map<Object, String> revisions(String db) {
        Map<Object, String> revisions = new HashMap<>();
        for (Document point : collection(db, "delivery_points").find()) {
            revisions.put(point.get("_id"), String.valueOf(point.get("revision")));
        }
        return revisions;
    }

    private static void requireOne(long modified, String what) {
        if (modified != 1) {
            throw new IllegalStateException(what + ": " + modified + " documents changed, expected 1");
        }
    }
}
