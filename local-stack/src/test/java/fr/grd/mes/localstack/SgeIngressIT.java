package fr.grd.mes.localstack;

import fr.grd.mes.testsupport.Http;
import fr.grd.mes.events.Topics;
import fr.grd.mes.support.time.BusinessCalendar;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The portal publishes requests on {@code sge.requests}: valid ones become cases as over HTTP, once per portal
 * request id; unreadable and invalid ones are answered on {@code sge.requests.rejected} with the reason and
 * the original payload, and the partition keeps flowing.
 */
class SgeIngressIT {
    /**
     * Every record of the run goes to one partition, so "after the poison" means after it in the same partition's
     * order: with keys spread over three partitions the last record could be consumed before the valid one.
     */
    private static final int ONE_PARTITION = 0;

    @Test
    void publishedRequestsBecomeCasesOnceAndBadOnesAreRejectedWithTheirReason() {
        TestStack stack = TestStack.get();
        String zone = "ZONE-SGE";
        LocalDate date = new BusinessCalendar().addBusinessDays(LocalDate.now(stack.clock.withZone(ZoneId.of("Europe/Paris"))), 2);
        CaseFixture.capacity(stack, zone, date, 5, 5);
        String pdl = CaseFixture.deliveryPoint(stack, zone, "COUP");
        String otherPdl = CaseFixture.deliveryPoint(stack, zone, "LIMI");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String valid = "P-" + run + "-1";
        String unknownPdl = "P-" + run + "-2";
        String afterPoison = "P-" + run + "-3";
        String bootstrap = stack.kafkaBootstrap;

        try (KafkaProducer<String, String> portal = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new StringSerializer());
             KafkaConsumer<String, String> rejections = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                     ConsumerConfig.GROUP_ID_CONFIG, "portal-" + run,
                     ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            rejections.subscribe(List.of(Topics.SGE_REQUESTS_REJECTED));

            String validJson = json(pdl, valid);
            portal.send(new ProducerRecord<>(Topics.SGE_REQUESTS, ONE_PARTITION, valid, validJson));
            portal.send(new ProducerRecord<>(Topics.SGE_REQUESTS, ONE_PARTITION, valid, validJson));
            String unknownJson = json("99999999999999", unknownPdl);
            portal.send(new ProducerRecord<>(Topics.SGE_REQUESTS, ONE_PARTITION, unknownPdl, unknownJson));
            portal.send(new ProducerRecord<>(Topics.SGE_REQUESTS, ONE_PARTITION, "garbage-" + run, "{{ not json"));
            String noId = Http.JSON.writeValueAsString(CaseFixture.request(otherPdl, "FOURN-SGE", "STANDARD", date, "AM"));
            portal.send(new ProducerRecord<>(Topics.SGE_REQUESTS, ONE_PARTITION, "noid-" + run, noId));
            portal.send(new ProducerRecord<>(Topics.SGE_REQUESTS, ONE_PARTITION, afterPoison, json(otherPdl, afterPoison)));
            portal.flush();

            // otherPdl has one case, the one after the poison (the request without an id named it too, and was refused)
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.platform.requests().casesOf(otherPdl).size() == 1);
            List<JsonNode> created = stack.platform.requests().casesOf(pdl);
            assertThat(created).as("the valid request, published twice, is one case").hasSize(1);
            String caseId = created.get(0).get("caseId").asString();
            assertThat(caseId).matches("[0-9A-Z]{8}");
            Cases.await(stack, caseId, c -> Cases.milestones(c).contains("INPL"));

            List<JsonNode> rejected = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                rejections.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.key() != null && r.key().contains(run)) {
                        rejected.add(Http.JSON.readTree(r.value()).get("payload"));
                    }
                });
                return rejected.size() >= 3;
            });
            JsonNode unknown = find(rejected, unknownPdl);
            assertThat(unknown.get("reason").asString()).isEqualTo("invalid request");
            assertThat(fields(unknown)).contains("pdl");
            assertThat(unknown.get("originalPayload").asString()).isEqualTo(unknownJson);
            JsonNode garbage = find(rejected, "garbage-" + run);
            assertThat(garbage.get("reason").asString()).isEqualTo("unreadable request");
            assertThat(garbage.get("originalPayload").asString()).isEqualTo("{{ not json");
            assertThat(fields(find(rejected, "noid-" + run))).contains("portalRequestId");
        }
    }

    private static String json(String pdl, String portalRequestId) {
        Map<String, Object> body = CaseFixture.request(pdl, "FOURN-SGE", "STANDARD",
                new BusinessCalendar().addBusinessDays(LocalDate.now(TestStack.get().clock.withZone(ZoneId.of("Europe/Paris"))), 2), "AM");
        body.put("portalRequestId", portalRequestId);
        return Http.JSON.writeValueAsString(body);
    }

    private static JsonNode find(List<JsonNode> rejected, String key) {
        return rejected.stream().filter(r -> key.equals(r.get("portalRequestId").asString())).findFirst().orElseThrow();
    }

    private static List<String> fields(JsonNode rejected) {
        return StreamSupport.stream(rejected.get("errors").spliterator(), false).map(e -> e.get("field").asString()).toList();
    }
}
