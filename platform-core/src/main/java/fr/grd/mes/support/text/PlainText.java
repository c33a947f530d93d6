package fr.grd.mes.support.text;

import java.util.Optional;

/**
 * The characters a free-text value may hold: exactly those that every place it ends up can carry — an XML 1.0
 * flow file (F15, C15, X12), the amendment PDF and a supplier's CSV export. French text (accents, œ, «», ’,
 * non-breaking and narrow non-breaking spaces) and any other printable Unicode stays allowed; refused are
 * <ul>
 *   <li>C0 controls (U+0000–U+001F) except tab and line feed where the field allows several lines, and DEL;</li>
 *   <li>C1 controls (U+0080–U+009F);</li>
 *   <li>unpaired surrogates (not characters at all: the value was cut in the middle of one);</li>
 *   <li>the non-characters U+FFFE and U+FFFF (outside XML 1.0's Char production);</li>
 *   <li>bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they make a displayed
 *       reference read differently from the stored one ("Trojan Source").</li>
 * </ul>
 * The check runs before anything is stored, so a value that passes can always be written into a flow file.
 */
public final class PlainText {
    /** Longest single-line value accepted anywhere; fields document tighter limits of their own. */
    public static final int MAX_SINGLE_LINE = 500;
    /** Longest multi-line value (amendment texts, lists of works). */
    public static final int MAX_MULTI_LINE = 4000;

    private PlainText() {
    }

    /** Why {@code value} is refused, or empty if it may be stored. */
    public static Optional<String> problem(String value, boolean multiLine) {
        if (value == null) {
            return Optional.empty();
        }
        int max = multiLine ? MAX_MULTI_LINE : MAX_SINGLE_LINE;
        if (value.length() > max) {
            return Optional.of("is " + value.length() + " characters long; at most " + max + " are accepted");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of(at(i, "an unpaired surrogate " + hex(c)));
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of(at(i, "an unpaired surrogate " + hex(c)));
            }
            if (c == '\t' || c == '\n') {
                if (!multiLine) {
                    return Optional.of(at(i, (c == '\t' ? "a tab" : "a line break")
                            + ", which this single-line field does not allow"));
                }
                continue;
            }
            if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) {
                return Optional.of(at(i, "the control character " + hex(c)
                        + ", which XML 1.0 flow files and CSV exports cannot carry"));
            }
            if (c == 0xFFFE || c == 0xFFFF) {
                return Optional.of(at(i, "the non-character " + hex(c) + ", which XML 1.0 cannot carry"));
            }
            if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
                return Optional.of(at(i, "the bidirectional control " + hex(c)
                        + ", which makes the displayed text differ from the stored one"));
            }
        }
        return Optional.empty();
    }

    /**
     * {@code value} without the characters {@link #problem} refuses (tabs and line breaks become spaces in a
     * single-line value), cut to the maximum length: the operator's repair of a value stored before the check.
     */
    public static String repaired(String value, boolean multiLine) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                out.append(c).append(value.charAt(++i));
            } else if ((c == '\t' || c == '\n' || c == '\r') && !multiLine) {
                out.append(' ');
            } else if (problem(String.valueOf(c), multiLine).isEmpty()) {
                out.append(c);
            }
        }
        int max = multiLine ? MAX_MULTI_LINE : MAX_SINGLE_LINE;
        return out.length() > max ? out.substring(0, max) : out.toString();
    }

    private static String at(int index, String what) {
        return "contains " + what + " at position " + index;
    }

    private static String hex(char c) {
        return String.format("U+%04X", (int) c);
    }
}
