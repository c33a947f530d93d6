package fr.grd.mes.support.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import fr.grd.mes.events.EventEnvelope;
import fr.grd.mes.events.EventTypes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the services actually put on the wire validates against the published schema of its type: a record
 * of every event type, with every field filled, serialized by {@link EventJson} and checked by a real JSON
 * Schema validator (draft 2020-12).
 */
class WireFormatMatchesSchemasTest {
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    static Stream<String> eventTypes() {
        return EventTypes.all().keySet().stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void aSerializedRecordValidatesAgainstItsSchema(String eventType) throws Exception {
        Object payload = sample(EventTypes.payloadOf(eventType));
        String wire = new EventJson().write(EventEnvelope.of(eventType, "A000000001", "A000000001", "FOURN-A",
                Instant.parse("2026-12-01T09:00:00Z"), payload));
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/schemas/" + eventType + ".schema.json")) {
            assertThat(in).as("schema of " + eventType + " on the class path").isNotNull();
            schema = SCHEMAS.getSchema(in);
        }
        Set<ValidationMessage> errors = schema.validate(new ObjectMapper().readTree(wire));
        assertThat(errors).as(wire).isEmpty();
        assertThat(new EventJson().read(wire).payload()).isEqualTo(payload);
    }

    /** A record with every component filled (first enum constant, one-element lists, nested records). */
    static Object sample(Class<?> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(components[i].getType(), components[i].getGenericType());
        }
        return type.getDeclaredConstructor(types).newInstance(values);
    }

    private static Object value(Class<?> type, Type generic) throws Exception {
        if (type == String.class) {
            return "x";
        } else if (type == int.class || type == Integer.class) {
            return 1;
        } else if (type == long.class || type == Long.class) {
            return 42L;
        } else if (type == boolean.class || type == Boolean.class) {
            return true;
        } else if (type == BigDecimal.class) {
            return new BigDecimal("20.00");
        } else if (type == LocalDate.class) {
            return LocalDate.of(2026, 12, 3);
        } else if (type == Instant.class) {
            return Instant.parse("2026-12-01T09:00:00Z");
        } else if (type.isEnum()) {
            return type.getEnumConstants()[0];
        } else if (type == List.class) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            return List.of(value((Class<?>) element, element));
        } else if (type.isRecord()) {
            return sample(type);
        }
        throw new IllegalArgumentException("no sample for " + type);
    }
}
