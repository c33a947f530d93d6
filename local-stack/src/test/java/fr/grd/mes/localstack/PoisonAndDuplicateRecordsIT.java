package fr.grd.mes.localstack;

import fr.grd.mes.testsupport.Http;
import fr.grd.mes.events.Topics;
import fr.grd.mes.localstack.ServiceStack.Service;
import fr.grd.mes.support.time.BusinessCalendar;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kafka-side robustness: an unreadable record goes to the dead-letter topic with the reason in its headers and
 * does not block the partition; a redelivered event (same eventId) changes nothing and bills nothing twice.
 */
class PoisonAndDuplicateRecordsIT {
    private static final String ZONE = "ZONE-DLT";
    private static final String SUPPLIER = "FOURN-DLT";

    @Test
    void poisonRecordsAreDeadLetteredAndRedeliveredEventsAreAppliedOnce() {
        TestStack stack = TestStack.get();
        LocalDate today = LocalDate.now(stack.clock.withZone(ZoneId.of("Europe/Paris")));
        LocalDate date = new BusinessCalendar().addBusinessDays(today, 1);
        CaseFixture.capacity(stack, ZONE, date, 2, 2);
        String pdl = CaseFixture.deliveryPoint(stack, ZONE, "COUP");
        String bootstrap = stack.kafkaBootstrap;

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new StringSerializer())) {
            String poisonKey = "poison-" + UUID.randomUUID();
            producer.send(new ProducerRecord<>(Topics.INTERVENTIONS, poisonKey, "{ this is not an event"));
            producer.send(new ProducerRecord<>(Topics.INTERVENTIONS, poisonKey,
                    "{\"eventId\":\"" + UUID.randomUUID() + "\",\"eventType\":\"NoSuchEvent\",\"payload\":{}}"));
            producer.flush();

            // the partition is not blocked: a real case still goes through after the poison
            var created = Http.post(stack.services.url(Service.REQUEST) + "/api/v1/requests",
                    CaseFixture.request(pdl, SUPPLIER, "STANDARD", date, "AM"));
            String caseId = created.body().get("caseId").asString();
            String appointmentId = caseId + "-R1";
            await().until(() -> Http.get(stack.services.url(Service.SCHEDULING) + "/api/v1/appointments/"
                    + appointmentId).status() == 200);
            stack.clock.advanceTo(date.atTime(9, 0).atZone(ZoneId.of("Europe/Paris")).toInstant());
            assertThat(Http.post(stack.services.url(Service.SCHEDULING) + "/api/v1/appointments/" + appointmentId
                    + "/outcome", Map.of("result", "COMPLETED", "meterIndex", 99)).status()).isEqualTo(200);
            await().until(() -> "TERMN".equals(Http.get(stack.services.url(Service.REQUEST) + "/api/v1/cases/"
                    + caseId).body().get("status").asString()));
            await().until(() -> stack.platform.billing().billingLines(SUPPLIER, caseId).size() == 1);
            await().until(() -> Http.get(stack.services.url(Service.CONTRACT) + "/api/v1/suppliers/" + SUPPLIER
                    + "/perimeter/" + pdl).status() == 200);
            long revision = stack.platform.contracts().deliveryPoint(pdl).get("revision").asLong();

            // each consuming service dead-lettered both poison records, with the reason in the headers
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<ConsumerRecord<String, String>> dead = TopicReader.readAll(bootstrap, Topics.deadLetter(Topics.INTERVENTIONS))
                        .stream().filter(r -> poisonKey.equals(r.key())).toList();
                assertThat(dead).hasSizeGreaterThanOrEqualTo(6);
                assertThat(dead).allSatisfy(r -> assertThat(r.headers().lastHeader("kafka_dlt-exception-message"))
                        .isNotNull());
                assertThat(dead.stream().map(r -> new String(r.headers().lastHeader("kafka_dlt-exception-message")
                        .value(), StandardCharsets.UTF_8))).anyMatch(m -> m.contains("NoSuchEvent"));
            });

            // the same InterventionCompleted delivered again: no second bill, perimeter entry or closure
            ConsumerRecord<String, String> completed = TopicReader.readAll(bootstrap, Topics.INTERVENTIONS).stream()
                    .filter(r -> caseId.equals(r.key())).findFirst().orElseThrow();
            producer.send(new ProducerRecord<>(Topics.INTERVENTIONS, completed.key(), completed.value()));
            producer.send(new ProducerRecord<>(Topics.INTERVENTIONS, completed.key(), completed.value()));
            producer.flush();
            String marker = "after-duplicates-" + UUID.randomUUID();
            producer.send(new ProducerRecord<>(Topics.INTERVENTIONS, completed.key(), "{" + marker));
            producer.flush();
            await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader.readAll(bootstrap,
                    Topics.deadLetter(Topics.INTERVENTIONS)).stream().filter(r -> r.value().contains(marker)).count() >= 3);

            assertThat(stack.platform.billing().billingLines(SUPPLIER, caseId)).as("one billing line").hasSize(1);
            JsonNode theCase = Http.get(stack.services.url(Service.REQUEST) + "/api/v1/cases/" + caseId).body();
            assertThat(StreamSupport.stream(theCase.get("milestones").spliterator(), false)
                    .filter(m -> "CPRE".equals(m.get("code").asString())).count()).isEqualTo(1);
            // a second perimeter entry would be a change of the delivery point: a new revision, published
            assertThat(stack.platform.contracts().deliveryPoint(pdl).get("revision").asLong())
                    .as("the delivery point unchanged by the duplicates").isEqualTo(revision);
            assertThat(Http.get(stack.services.url(Service.CONTRACT) + "/api/v1/suppliers/" + SUPPLIER + "/perimeter/"
                    + pdl).body().get("caseId").asString()).isEqualTo(caseId);
        }
    }
}
