package fr.grd.mes.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One JSON Schema per record type, committed in {@code src/main/resources/schemas/} and shipped in this jar.
 * The schemas are generated from the records (victools) so they cannot drift from the code: this test fails
 * when a record changed and its committed schema was not regenerated
 * ({@code ./mvnw -pl event-contracts test -Dschemas.write=true} rewrites them), and fails when a schema changed
 * incompatibly with the released baseline in {@code src/test/resources/schema-baseline/}.
 */
class EventSchemasTest {
    static final Path SCHEMAS = Path.of("src/main/resources/schemas");
    static final Path BASELINE = Path.of("src/test/resources/schema-baseline");
    static final ObjectMapper JSON = new ObjectMapper();

    static Stream<String> eventTypes() {
        return EventTypes.all().keySet().stream().sorted();
    }

    static ObjectNode schemaOf(String eventType) {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON).with(Option.ADDITIONAL_FIXED_TYPES);
        config.forTypesInGeneral().withCustomDefinitionProvider((type, context) ->
                type.getErasedType() == BigDecimal.class ? new CustomDefinition(context.getGeneratorConfig()
                        .createObjectNode().put("type", "string").put("pattern", "^-?[0-9]+(\\.[0-9]+)?$")
                        .put("description", "exact decimal as a string, e.g. \"20.00\"")) : null);
        ObjectNode payload = new SchemaGenerator(config.build()).generateSchema(EventTypes.payloadOf(eventType));
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        envelope.put("$id", "https://mes.grd.example/schemas/" + eventType + ".schema.json");
        envelope.put("title", eventType);
        envelope.put("description", "Envelope of a " + eventType + " record (schema version "
                + EventTypes.schemaVersionOf(eventType) + "). Fields may be added; none is ever removed.");
        envelope.put("type", "object");
        envelope.putArray("required").add("eventId").add("eventType").add("schemaVersion").add("occurredAt")
                .add("payload");
        ObjectNode properties = envelope.putObject("properties");
        properties.putObject("eventId").put("type", "string").put("format", "uuid");
        properties.putObject("eventType").put("const", eventType);
        properties.putObject("schemaVersion").put("type", "integer");
        properties.putObject("occurredAt").put("type", "string").put("format", "date-time");
        properties.putObject("key").put("type", "string");
        properties.putObject("correlationId").put("type", "string");
        properties.putObject("supplierId").put("type", "string");
        if (payload.has("$defs")) {
            envelope.set("$defs", payload.remove("$defs"));
        }
        payload.remove("$schema");
        properties.set("payload", payload);
        return envelope;
    }

    static String pretty(JsonNode node) throws IOException {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void theCommittedSchemaIsTheOneOfTheRecord(String eventType) throws IOException {
        Path file = SCHEMAS.resolve(eventType + ".schema.json");
        String generated = pretty(schemaOf(eventType));
        if (Boolean.getBoolean("schemas.write")) {
            Files.createDirectories(SCHEMAS);
            Files.writeString(file, generated);
        }
        assertThat(file).as("committed schema of " + eventType + " (regenerate with -Dschemas.write=true)").exists();
        assertThat(Files.readString(file)).isEqualTo(generated);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void theSchemaOnlyGrewSinceTheReleasedBaseline(String eventType) throws IOException {
        Path baseline = BASELINE.resolve(eventType + ".schema.json");
        if (!Files.exists(baseline)) {
            return;
        }
        assertThat(SchemaCompatibility.breakingChanges(JSON.readTree(baseline.toFile()),
                JSON.readTree(SCHEMAS.resolve(eventType + ".schema.json").toFile()))).isEmpty();
    }

    @Test
    void everyReleasedEventTypeStillExists() throws IOException {
        try (Stream<Path> released = Files.list(BASELINE)) {
            assertThat(released.map(p -> p.getFileName().toString().replace(".schema.json", "")))
                    .allMatch(EventTypes.all()::containsKey);
        }
    }

    @Test
    void theCompatibilityCheckCatchesRemovedFieldsTypeChangesLostEnumValuesAndNewRequiredFields() throws IOException {
        JsonNode previous = JSON.readTree("""
                {"type":"object","properties":{"caseId":{"type":"string"},"count":{"type":"integer"},
                 "kind":{"type":"string","enum":["A","B"]}}}""");
        JsonNode current = JSON.readTree("""
                {"type":"object","required":["added"],"properties":{"count":{"type":"string"},
                 "kind":{"type":"string","enum":["A"]},"added":{"type":"string"}}}""");
        assertThat(SchemaCompatibility.breakingChanges(previous, current)).containsExactlyInAnyOrder(
                "$.caseId was removed", "$.count changed its type from \"integer\" to \"string\"",
                "$.kind lost the enum value B", "$.added became required");
        JsonNode grown = JSON.readTree("""
                {"type":"object","properties":{"caseId":{"type":"string"},"count":{"type":"integer"},
                 "kind":{"type":"string","enum":["A","B","C"]},"added":{"type":"string"}}}""");
        assertThat(SchemaCompatibility.breakingChanges(previous, grown)).isEmpty();
    }

    @Test
    void everyTopicOfTheCatalogueHasItsEventTypes() {
        Map<String, Class<?>> known = EventTypes.all();
        TopicCatalog.TOPICS.forEach(topic -> assertThat(known.keySet()).containsAll(topic.eventTypes()));
        assertThat(TopicCatalog.specOf("supplier.FOURN-A.billing")).get().extracting(TopicCatalog.TopicSpec::writer)
                .isEqualTo("billing-service");
    }
}
