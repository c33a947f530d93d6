package fr.grd.mes.support.flowfile;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What a service puts in one flow's files, record by record: which suppliers have records in a period, the ids
 * of one supplier's records of a period (in file order), and the XML documents (already valid against their
 * schema) of a given list of records. Working by record lets the exporter leave out a record that cannot be
 * written — and deliver it later, once an operator has repaired and released it — without holding back the
 * others.
 */
public interface FlowContent {

    /** The flow code: F15, C15 or X12. */
    String flow();

    Set<String> suppliersWithRecords(Instant from, Instant to);

    /** The ids of the supplier's records of [from, to), in the order the file lists them. */
    List<String> recordIds(String supplierId, Instant from, Instant to);

    /**
     * The documents of the file holding exactly these records of the supplier (an id that no longer exists is
     * skipped); throws if a record cannot be written into a valid document.
     */
    Documents documents(FileHeader header, List<String> recordIds);

    /** Where a record is stored (collection and document id), for an operator's repair of its text. */
    StoredRecord storedRecord(String recordId);

    record StoredRecord(String collection, Object documentId) {
    }

    /**
     * What a file's documents and names say of it: the issuer's EIC, the receiving supplier (its id, as records
     * are stored, and its EIC), its GRD-F contract, the distributor's regional direction code (4 digits), the
     * sequence number, the creation instant, and how many records an inner file holds at most.
     */
    record FileHeader(String issuer, String receiver, String receiverEic, String contract, String regionalDirection,
                      int sequence, Instant createdAt, int maxRecordsPerFile) {
    }

    record Document(String name, byte[] xml) {
    }

    record Documents(int recordCount, List<Document> documents) {
        public boolean isEmpty() {
            return recordCount == 0;
        }
    }
}
