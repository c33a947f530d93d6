package fr.grd.mes.support.flowfile;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What a service puts in one flow's files: the suppliers that have records in a period, and the XML
 * documents (already valid against their schema) of one supplier's records of that period.
 */
public interface FlowContent {

    /** The flow code: F15, C15 or X12. */
    String flow();

    Set<String> suppliersWithRecords(Instant from, Instant to);

    /** The documents of the file, or none if the supplier has no record in the period. */
    Documents documents(FileHeader header, Instant from, Instant to);

    record FileHeader(String issuer, String receiver, String contract, int sequence, Instant createdAt) {
    }

    record Document(String name, byte[] xml) {
    }

    record Documents(int recordCount, List<Document> documents) {
        public boolean isEmpty() {
            return recordCount == 0;
        }
    }
}
