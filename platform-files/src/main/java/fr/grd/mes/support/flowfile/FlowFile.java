package fr.grd.mes.support.flowfile;

import java.time.Instant;
import java.util.List;

/**
 * One delivered SGE-format file of a supplier: its flow (F15, C15, X12), its gap-free sequence number per
 * supplier and flow, the period of records it covers ([from, to), the next file starts where it ends), its
 * zip name and content. Its id is {@code supplier|flow|sequence}, so one sequence number is one file.
 */
public record FlowFile(String id, String supplierId, String flow, int sequence, String fileName, Instant periodFrom,
                       Instant periodTo, Instant createdAt, int recordCount, List<String> entries, byte[] zip) {

    public static String idOf(String supplierId, String flow, int sequence) {
        return supplierId + "|" + flow + "|" + String.format("%05d", sequence);
    }
}
