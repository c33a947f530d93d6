package fr.grd.mes.support.text;

import fr.grd.mes.support.web.JsonErrors;
import fr.grd.mes.support.outcome.Violation;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The edge guard as the services' JSON mapper applies it: each refusal names the field a client wrote. */
class EdgeInputModuleTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().addModule(new EdgeInputModule()).build();

    record Client(String name, String phone) {
    }

    record Body(String reference, @MultiLine String description, Client client, List<String> codes, BigDecimal price,
                LocalDate date) {
    }

    private static Violation refusal(String json) {
        JacksonException e = catchThrowableOfType(JacksonException.class, () -> MAPPER.readValue(json, Body.class));
        assertThat(e).as(json).isNotNull();
        return JsonErrors.violationOf(e);
    }

    @Test
    void aNulInANestedNameIsRefusedNamingTheField() {
        Violation v = refusal("{\"client\":{\"name\":\"Jean\\u0000\"}}");
        assertThat(v.field()).isEqualTo("client.name");
        assertThat(v.reason()).contains("U+0000");
    }

    @Test
    void aBidiOverrideInAListItemIsRefusedNamingTheItem() {
        Violation v = refusal("{\"codes\":[\"F100\",\"F1\\u202e0\"]}");
        assertThat(v.field()).isEqualTo("codes[1]");
    }

    @Test
    void lineBreaksOnlyInMultiLineFields() {
        Body body = MAPPER.readValue("{\"description\":\"line 1\\nline 2\"}", Body.class);
        assertThat(body.description()).isEqualTo("line 1\nline 2");
        assertThat(refusal("{\"reference\":\"line 1\\nline 2\"}").field()).isEqualTo("reference");
    }

    @Test
    void aHugeStringIsRefused() {
        assertThat(refusal("{\"reference\":\"" + "x".repeat(30_000) + "\"}").reason()).contains("30000 characters");
    }

    @Test
    void decimalsOutOfRangeAreRefusedBeforeAnyArithmetic() {
        assertThat(refusal("{\"price\":1e30}").field()).isEqualTo("price");
        assertThat(refusal("{\"price\":1e999999999}").field()).isEqualTo("price");
        assertThat(refusal("{\"price\":0.0000001}").reason()).contains("decimals");
        assertThat(MAPPER.readValue("{\"price\":\"999999999999.99\"}", Body.class).price())
                .isEqualByComparingTo("999999999999.99");
    }

    @Test
    void datesOutOfRangeAreRefused() {
        assertThat(refusal("{\"date\":\"+999999999-12-31\"}").field()).isEqualTo("date");
        assertThat(MAPPER.readValue("{\"date\":\"2026-12-01\"}", Body.class).date()).isEqualTo(LocalDate.of(2026, 12, 1));
    }

    @Test
    void frenchTextPasses() {
        Body body = MAPPER.readValue("{\"reference\":\"Réf. « œuvre » n° 12\u00a0345 – l’Église\"}", Body.class);
        assertThat(body.reference()).isEqualTo("Réf. « œuvre » n° 12\u00a0345 – l’Église");
    }
}
