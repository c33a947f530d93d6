package fr.grd.mes.support.flowfile;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The public names of the supplier flow files ({@code sge-xsd/CONVENTIONS.md}), which suppliers' readers select
 * on: zips by {@code *_F15_*.zip}, {@code *_C15_*.zip}, {@code *_X1[23]_*.zip}; inside, F15 detail files by
 * {@code FL_\d+_\d+\.xml}, C15 by {@code *_C15_*.xml}, X12 by {@code *_X1[23]_*.xml}; and the "file X of Y"
 * counters of a sequence.
 * <pre>
 * C15  &lt;issuer&gt;_C15_&lt;receiver&gt;_&lt;contract&gt;_&lt;DIR&gt;_&lt;seq5&gt;_&lt;yyyyMMddHHmmss&gt;.zip   → …_&lt;seq5&gt;_&lt;X5&gt;_&lt;Y5&gt;.xml
 * F15  &lt;issuer&gt;_F15_&lt;receiver&gt;_&lt;contract&gt;_&lt;DIR&gt;_&lt;type&gt;_&lt;freq&gt;_&lt;client&gt;_&lt;demat&gt;_&lt;seq5&gt;_&lt;stamp&gt;.zip
 *                                                        → …_&lt;seq5&gt;_FA.xml and …_&lt;seq5&gt;_FL_&lt;X5&gt;_&lt;Y5&gt;.xml
 * X12  &lt;issuer&gt;_X12_&lt;receiver&gt;_&lt;seq5&gt;_&lt;stamp&gt;.zip                           → …_&lt;seq5&gt;_&lt;X5&gt;_&lt;Y5&gt;.xml
 * </pre>
 */
public final class FileNames {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private FileNames() {
    }

    /** The F15 segments of this system's invoices: C (prestations), Z (on event), 0 (client type), D (dematerialised). */
    public record F15Segments(String invoiceType, String frequency, String clientType, String dematerialisation) {
        public static final F15Segments PRESTATIONS = new F15Segments("C", "Z", "0", "D");

        String part() {
            return String.join("_", invoiceType, frequency, clientType, dematerialisation);
        }
    }

    /** The name stem shared by a file's zip and its inner files, up to and including the sequence number. */
    public static String stem(FlowContent.FileHeader h, String flow) {
        String seq = String.format("%05d", h.sequence());
        return switch (flow) {
            case "X12" -> String.join("_", h.issuer(), "X12", h.receiverEic(), seq);
            case "F15" -> String.join("_", h.issuer(), "F15", h.receiverEic(), h.contract(), h.regionalDirection(),
                    F15Segments.PRESTATIONS.part(), seq);
            default -> String.join("_", h.issuer(), flow, h.receiverEic(), h.contract(), h.regionalDirection(), seq);
        };
    }

    public static String zip(FlowContent.FileHeader h, String flow) {
        return stem(h, flow) + "_" + STAMP.format(h.createdAt().atZone(PARIS)) + ".zip";
    }

    /** "File {@code x} of {@code y}" of the sequence: {@code …_<seq5>_<X5>_<Y5>.xml} (F15: {@code …_FL_<X5>_<Y5>.xml}). */
    public static String part(FlowContent.FileHeader h, String flow, int x, int y) {
        return stem(h, flow) + ("F15".equals(flow) ? "_FL_" : "_") + String.format("%05d_%05d", x, y) + ".xml";
    }

    /** The F15 general-data file, always present: {@code …_<seq5>_FA.xml}. */
    public static String f15GeneralData(FlowContent.FileHeader h) {
        return stem(h, "F15") + "_FA.xml";
    }

    /** {@code items} cut into parts of at most {@code max} (real flows split a large flow into several files). */
    public static <T> List<List<T>> parts(List<T> items, int max) {
        List<List<T>> parts = new ArrayList<>();
        for (int from = 0; from < items.size(); from += max) {
            parts.add(items.subList(from, Math.min(items.size(), from + max)));
        }
        return parts;
    }
}
