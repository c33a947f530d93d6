package fr.grd.mes.contract.adapter.out.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "Avenant L. 342-2" template (Enedis-FOR-RAC_056E) as data: one resource per section under
 * {@code avenant-l342-2/<version>/}, the template's own text with its {@code [fields]}, each "Option … / Fin Options"
 * group written as {@code @if group=value} … {@code @endif} blocks (nested for the sub-options), {@code @annexe3}
 * where the Annexe 3 tables go, {@code @schema} where Annexe 2's connection diagram goes, {@code @sommaire} where the
 * table of contents goes and {@code @page} for a page break. A new template version is a new set of resources, not new code.
 *
 * <p>Rendering keeps the chosen option of each group and nothing of the others, fills every field, repeats a list item
 * once per value of a list field (none: the item goes), and refuses to leave a {@code [field]} it cannot fill.
 */
public final class AvenantTemplate {
    public static final String VERSION = "v2";
    static final List<String> SECTIONS = List.of("00-entete", "01-objet", "02-demande", "03-solution", "04-travaux",
            "05-contribution", "06-acceptation", "07-conditions-prealables", "08-echeancier", "09-reglement",
            "10-conventions", "11-mise-en-service", "12-modification", "13-information", "14-accord", "20-annexe-1",
            "21-annexe-2", "22-annexe-3", "23-annexe-4");
    private static final Pattern FIELD = Pattern.compile("\\[([^\\[\\]]+)]");
    private static final Map<String, Block> DIRECTIVES = Map.of("@annexe3", new Annexe3Tables(),
            "@schema", new ConnectionDiagramPicture(), "@sommaire", new TableOfContents(), "@page", new SectionBreak());
    private static final Pattern HEADING = Pattern.compile("^(\\d+(?:\\.\\d+)*)\\. .*|^Annexe \\d+ : .*");

    /** One rendered block of the document. */
    public sealed interface Block permits Heading, Text, Item, Annexe3Tables, SectionBreak, TableOfContents,
            ConnectionDiagramPicture {
    }

    public record Heading(int level, String text) implements Block {
    }

    public record Text(String text) implements Block {
    }

    public record Item(String text) implements Block {
    }

    public record Annexe3Tables() implements Block {
    }

    /** The start of an annex: a new page. */
    public record SectionBreak() implements Block {
    }

    /** "SOMMAIRE": every heading of the document with the page it is printed on. */
    public record TableOfContents() implements Block {
    }

    /** Annexe 2's "[Schéma de principe de raccordement]": the attached picture. */
    public record ConnectionDiagramPicture() implements Block {
    }

    private AvenantTemplate() {
    }

    /**
     * The blocks of the filled template. {@code choices}: the chosen value of each option group; {@code fields}: the
     * values of each {@code [field]} (several for a list field).
     */
    public static List<Block> render(Map<String, String> choices, Map<String, List<String>> fields) {
        List<Block> blocks = new ArrayList<>();
        for (String section : SECTIONS) {
            if (section.startsWith("2")) {
                blocks.add(new SectionBreak());
            }
            renderSection(section, read(section), choices, fields, blocks);
        }
        return blocks;
    }

    static void renderSection(String section, String text, Map<String, String> choices, Map<String, List<String>> fields,
                              List<Block> blocks) {
        Deque<Boolean> active = new ArrayDeque<>();
        active.push(true);
        int lineNo = 0;
        for (String line : text.split("\n", -1)) {
            lineNo++;
            String trimmed = line.strip();
            if (trimmed.startsWith("@if ")) {
                String[] condition = trimmed.substring(4).split("=", 2);
                String chosen = choices.get(condition[0]);
                if (chosen == null) {
                    throw new IllegalStateException(section + ":" + lineNo + ": no choice for option group " + condition[0]);
                }
                active.push(active.peek() && chosen.equals(condition[1]));
                continue;
            }
            if (trimmed.equals("@endif")) {
                if (active.size() == 1) {
                    throw new IllegalStateException(section + ":" + lineNo + ": @endif without @if");
                }
                active.pop();
                continue;
            }
            if (!active.peek() || trimmed.isEmpty()) {
                continue;
            }
            Block directive = DIRECTIVES.get(trimmed);
            if (directive != null) {
                blocks.add(directive);
                continue;
            }
            if (trimmed.startsWith("@")) {
                throw new IllegalStateException(section + ":" + lineNo + ": unknown directive " + trimmed);
            }
            boolean item = trimmed.startsWith("- ");
            for (String filled : fill(section, lineNo, trimmed, fields)) {
                if (item) {
                    blocks.add(new Item(filled.substring(2)));
                } else if (HEADING.matcher(filled).matches()) {
                    blocks.add(new Heading(filled.startsWith("Annexe") ? 1 : filled.split(" ")[0].split("\\.").length,
                            filled));
                } else {
                    blocks.add(new Text(filled));
                }
            }
        }
        if (active.size() != 1) {
            throw new IllegalStateException(section + ": an @if is not closed");
        }
    }

    /**
     * The line with its fields filled: one line, or one per value when a field has several (a list item), or none
     * when a field has no value (an empty list, or an optional field left out) and nothing else remains.
     */
    private static List<String> fill(String section, int lineNo, String line, Map<String, List<String>> fields) {
        Matcher m = FIELD.matcher(line);
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        if (names.isEmpty()) {
            return List.of(line);
        }
        String repeated = null;
        for (String name : names) {
            List<String> values = fields.get(name);
            if (values == null) {
                throw new IllegalStateException(section + ":" + lineNo + ": no value for [" + name + "]");
            }
            if (values.size() != 1) {
                if (repeated != null && !repeated.equals(name)) {
                    throw new IllegalStateException(section + ":" + lineNo + ": two list fields on one line");
                }
                repeated = name;
            }
        }
        if (repeated != null) {
            List<String> lines = new ArrayList<>();
            for (String value : fields.get(repeated)) {
                lines.add(substitute(line.replace("[" + repeated + "]", value), fields));
            }
            return lines;
        }
        String filled = substitute(line, fields);
        return filled.replaceAll("[\\s.,;:]", "").isEmpty() ? List.of() : List.of(filled);
    }

    private static String substitute(String line, Map<String, List<String>> fields) {
        Matcher m = FIELD.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(fields.get(m.group(1)).get(0)));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String read(String section) {
        String path = "avenant-l342-2/" + VERSION + "/" + section + ".txt";
        try (InputStream in = AvenantTemplate.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("template section " + path + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
