package fr.grd.mes.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI 3 document of every topic the services serve, generated from {@link TopicCatalog} and the
 * committed schemas, committed in {@code src/main/resources/asyncapi/asyncapi.json}. Fails when the catalogue
 * changed and the document was not regenerated ({@code -Dschemas.write=true}); the end-to-end test
 * {@code AsyncApiIsTrueIT} checks that what the running services publish matches it.
 */
class AsyncApiDocumentTest {
    static final Path DOCUMENT = Path.of("src/main/resources/asyncapi/asyncapi.json");
    static final ObjectMapper JSON = new ObjectMapper();

    static ObjectNode document() {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("asyncapi", "3.0.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Mise en service platform: Kafka topics");
        info.put("version", "0.1.0");
        info.put("description", "Every topic of the four services: one writer each; every value is a JSON "
                + "envelope {eventId, eventType, schemaVersion, occurredAt, key, correlationId, supplierId, payload} "
                + "except the sge.requests ingress. Supplier topics are per supplier so that a prefixed ACL "
                + "'supplier.<supplierId>.' grants a supplier exactly its own flows.");
        doc.put("defaultContentType", "application/json");
        ObjectNode servers = doc.putObject("servers");
        servers.putObject("local").put("host", "localhost:9092").put("protocol", "kafka")
                .put("description", "the local stack's KRaft broker");
        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        ObjectNode messages = doc.putObject("components").putObject("messages");
        Set<String> messageNames = new LinkedHashSet<>();
        for (TopicCatalog.TopicSpec topic : TopicCatalog.TOPICS) {
            String id = topic.name().replace("{supplierId}", "supplier").replaceAll("[^A-Za-z0-9]+", "-");
            ObjectNode channel = channels.putObject(id);
            channel.put("address", topic.name());
            channel.put("description", topic.description() + " Key: " + topic.key() + ". Written by "
                    + topic.writer() + "; read by " + String.join(", ", topic.readers()) + ".");
            if (topic.name().contains("{supplierId}")) {
                channel.putObject("parameters").putObject("supplierId")
                        .put("description", "the supplier's id (letters, digits, _ and -)");
            }
            channel.putObject("bindings").putObject("kafka").putObject("topicConfiguration")
                    .putArray("cleanup.policy").add(topic.compacted() ? "compact" : "delete");
            ObjectNode channelMessages = channel.putObject("messages");
            if (topic.eventTypes().isEmpty()) {
                channelMessages.putObject("PortalRequest").put("$ref", "#/components/messages/PortalRequest");
                messageNames.add("PortalRequest");
            }
            for (String type : topic.eventTypes()) {
                channelMessages.putObject(type).put("$ref", "#/components/messages/" + type);
                messageNames.add(type);
            }
            ObjectNode send = operations.putObject(id + ".send");
            send.put("action", "send");
            send.putObject("channel").put("$ref", "#/channels/" + id);
            send.put("summary", "written by " + topic.writer());
            ObjectNode receive = operations.putObject(id + ".receive");
            receive.put("action", "receive");
            receive.putObject("channel").put("$ref", "#/channels/" + id);
            receive.put("summary", "read by " + String.join(", ", topic.readers()));
        }
        for (String name : messageNames) {
            ObjectNode message = messages.putObject(name);
            message.put("name", name);
            if ("PortalRequest".equals(name)) {
                message.put("summary", "A request as the SGE portal publishes it: the body of POST /api/v1/requests "
                        + "(see request-service /v3/api-docs) with a mandatory portalRequestId.");
                message.putObject("payload").put("type", "object").putArray("required").add("portalRequestId");
            } else {
                message.putObject("payload").put("$ref", "../schemas/" + name + ".schema.json");
            }
        }
        return doc;
    }

    @Test
    void theCommittedAsyncApiDocumentDescribesTheTopicCatalogue() throws IOException {
        String generated = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document()) + "\n";
        if (Boolean.getBoolean("schemas.write")) {
            Files.createDirectories(DOCUMENT.getParent());
            Files.writeString(DOCUMENT, generated);
        }
        assertThat(Files.readString(DOCUMENT)).isEqualTo(generated);
        ArrayNode unused = JSON.createArrayNode();
        EventTypes.all().keySet().stream().filter(type -> TopicCatalog.TOPICS.stream()
                .noneMatch(topic -> topic.eventTypes().contains(type))).forEach(unused::add);
        assertThat(unused).as("event types carried by no topic").isEmpty();
    }
}
