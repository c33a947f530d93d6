package fr.grd.mes.support.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.grd.mes.events.EventEnvelope;
import fr.grd.mes.events.EventTypes;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.ToStringSerializer;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * JSON form of envelopes: money as decimal strings (DESIGN §6), dates ISO-8601, absent values left out
 * (never {@code null}), unknown fields ignored so that schemas can grow. Reading dispatches on the logical {@code eventType}, never on a class name.
 */
public final class EventJson {
    private final JsonMapper mapper;

    public EventJson() {
        this.mapper = JsonMapper.builder()
                .addModule(moneyAsDecimalStrings())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
                .build();
    }

    /** Money travels as decimal strings ("20.00"), never as binary floating point numbers. */
    public static SimpleModule moneyAsDecimalStrings() {
        return new SimpleModule("money").addSerializer(BigDecimal.class, ToStringSerializer.instance);
    }

    public JsonMapper mapper() {
        return mapper;
    }

    public String write(Object value) {
        return mapper.writeValueAsString(value);
    }

    /** Reads an envelope and its payload typed after its eventType; throws on unknown types or bad JSON. */
    public EventEnvelope<Object> read(String json) {
        JsonNode node = mapper.readTree(json);
        String eventType = text(node, "eventType");
        Class<?> payloadType = EventTypes.payloadOf(eventType);
        JsonNode payloadNode = node.get("payload");
        if (payloadNode == null || payloadNode.isNull()) {
            throw new IllegalArgumentException("envelope without payload");
        }
        Object payload = mapper.treeToValue(payloadNode, payloadType);
        return new EventEnvelope<>(UUID.fromString(text(node, "eventId")), eventType,
                node.path("schemaVersion").asInt(1),
                mapper.treeToValue(node.get("occurredAt"), java.time.Instant.class),
                node.path("key").asString(null), node.path("correlationId").asString(null),
                node.path("supplierId").asString(null), payload);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("envelope without " + field);
        }
        return value.asString();
    }
}
