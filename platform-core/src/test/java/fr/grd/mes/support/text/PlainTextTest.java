package fr.grd.mes.support.text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The characters a free-text field accepts. The oracle is not this class's own reading: every accepted value is
 * written by the JDK's StAX writer and parsed back by the JDK's XML 1.0 parser, and every refused one is shown to
 * break that round trip or to be one of the display-changing controls.
 */
class PlainTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"Mise en service – Rue de l'Église", "Œuvre d’art « sûre »", "Zoë Ørsted",
            "12\u00a0345,67\u202f€", "Café \uD83D\uDE00", "北京", "Jean-François O'Brien"})
    void frenchAndOtherPrintableTextIsAcceptedAndSurvivesAnXmlRoundTrip(String text) throws Exception {
        assertThat(PlainText.problem(text, false)).isEmpty();
        assertThat(xmlRoundTrip(text)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "a\u0001b", "\u001b[31m", "\ufffe", "\uffff", "\uD800", "a\uDC00b",
            "end\uD83D"})
    void charactersXml10CannotCarryAreRefused(String text) {
        assertThat(PlainText.problem(text, true)).isPresent();
        assertThatThrownBy(() -> xmlRoundTrip(text)).isInstanceOf(Exception.class);
    }

    /** XML 1.0 tolerates DEL and the C1 controls (and discourages them); a CSV cell or a PDF line cannot show them. */
    @ParameterizedTest
    @ValueSource(strings = {"x\u007f", "\u0085", "\u009b", "\u0080"})
    void controlsThatCsvAndPdfCannotShowAreRefused(String text) {
        assertThat(text.chars().anyMatch(c -> Character.getType(c) == Character.CONTROL)).isTrue();
        assertThat(PlainText.problem(text, true)).get().asString().contains("control character");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u202a", "\u202b", "\u202c", "\u202d", "invoice\u202egnp.exe", "\u2066", "\u2067",
            "\u2068", "\u2069"})
    void bidirectionalOverridesAreRefused(String text) {
        assertThat(PlainText.problem(text, true)).get().asString().contains("bidirectional");
    }

    @Test
    void tabAndLineFeedOnlyWhereTheFieldAllowsLines() {
        assertThat(PlainText.problem("line 1\nline 2\tend", true)).isEmpty();
        assertThat(PlainText.problem("line 1\nline 2", false)).get().asString().contains("line break");
        assertThat(PlainText.problem("a\tb", false)).get().asString().contains("tab");
        assertThat(PlainText.problem("a\rb", true)).get().asString().contains("U+000D");
    }

    @Test
    void lengthsAreBounded() {
        assertThat(PlainText.problem("x".repeat(PlainText.MAX_SINGLE_LINE), false)).isEmpty();
        assertThat(PlainText.problem("x".repeat(PlainText.MAX_SINGLE_LINE + 1), false)).isPresent();
        assertThat(PlainText.problem("x".repeat(30_000), true)).isPresent();
    }

    @Test
    void theRepairKeepsEveryCarriableCharacterAndDropsTheOthers() throws Exception {
        String stored = "R\u00e9f\u0000-\u202e42\uD800\ufffe\n\u00a0\uD83D\uDE00";
        String repaired = PlainText.repaired(stored, false);
        assertThat(repaired).isEqualTo("Réf-42 \u00a0\uD83D\uDE00");
        assertThat(PlainText.problem(repaired, false)).isEmpty();
        assertThatCode(() -> xmlRoundTrip(repaired)).doesNotThrowAnyException();
    }

    private static String xmlRoundTrip(String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XMLStreamWriter writer = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
        writer.writeStartDocument("UTF-8", "1.0");
        writer.writeStartElement("v");
        writer.writeCharacters(text);
        writer.writeEndElement();
        writer.writeEndDocument();
        writer.close();
        String back = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(out.toByteArray())).getDocumentElement().getTextContent();
        if (!back.equals(text)) {
            throw new IllegalStateException("XML changed the text");
        }
        return back;
    }
}
