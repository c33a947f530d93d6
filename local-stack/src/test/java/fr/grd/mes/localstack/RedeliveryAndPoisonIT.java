package fr.grd.mes.localstack;

import fr.grd.mes.testsupport.Http;
import com.mongodb.client.MongoCollection;
import fr.grd.mes.events.Topics;
import fr.grd.mes.localstack.ServiceStack.Service;
import fr.grd.mes.support.time.BusinessCalendar;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every consumed topic gets all its records again, in reverse order (duplicates and reordering at once), then
 * poison on every partition (bytes that are not UTF-8 JSON, valid JSON with wrong types, an unknown event
 * type): the stored state of every service is exactly what it was, each poison record reaches the topic's
 * dead-letter topic once per consuming group, and the partitions keep flowing.
 */
class RedeliveryAndPoisonIT {
    private static final Map<String, Integer> GROUPS_PER_TOPIC = Map.of(
            Topics.REQUESTS, 1, Topics.APPOINTMENTS, 1, Topics.INTERVENTIONS, 3, Topics.DELIVERY_POINTS, 3);

    @Test
    void redeliveredReorderedAndPoisonRecordsChangeNothing() throws Exception {
        TestStack stack = TestStack.get();
        ZoneId paris = ZoneId.of("Europe/Paris");
        BusinessCalendar calendar = new BusinessCalendar();
        LocalDate today = LocalDate.now(stack.clock.withZone(paris));
        String zone = "ZONE-REDO";
        CaseFixture.capacity(stack, zone, calendar.addBusinessDays(today, 4), 2, 0);
        String standardPdl = CaseFixture.deliveryPoint(stack, zone, "COUP");
        String expressPdl = CaseFixture.deliveryPoint(stack, zone, "LIMI");
        String standard = Http.post(stack.services.url(Service.REQUEST) + "/api/v1/requests", CaseFixture.request(
                standardPdl, "FOURN-REDO", "STANDARD", calendar.addBusinessDays(today, 4), "AM")).body().get("caseId").asString();
        String express = Http.post(stack.services.url(Service.REQUEST) + "/api/v1/requests", CaseFixture.request(
                expressPdl, "FOURN-REDO", "EXPRESS", calendar.addBusinessDays(today, 1), "AM")).body().get("caseId").asString();
        Cases.await(stack, express, c -> Cases.milestones(c).contains("RDVC"));
        Http.post(stack.services.url(Service.REQUEST) + "/api/v1/cases/" + express + "/express-escalation", Map.of());
        CaseFixture.capacity(stack, zone, calendar.addBusinessDays(today, 1), 1, 0);
        await().until(() -> "PROPOSED".equals(Http.get(stack.services.url(Service.SCHEDULING) + "/api/v1/appointments/"
                + express + "-R1").body().path("advancement").path("status").asString()));
        Http.post(stack.services.url(Service.SCHEDULING) + "/api/v1/appointments/" + express + "-R1/client-call",
                Map.of("reachable", true, "agreed", true));
        Cases.await(stack, express, c -> Cases.milestones(c).contains("RDVA"));
        stack.clock.advanceTo(calendar.addBusinessDays(today, 4).atTime(10, 0).atZone(paris).toInstant());
        for (String caseId : List.of(standard, express)) {
            Http.post(stack.services.url(Service.SCHEDULING) + "/api/v1/appointments/" + caseId + "-R1/outcome",
                    Map.of("result", "COMPLETED", "meterIndex", 321));
            Cases.await(stack, caseId, c -> "TERMN".equals(c.get("status").asString()));
        }
        await().until(() -> stack.mongo.getDatabase("mes_billing").getCollection("bills")
                .countDocuments(com.mongodb.client.model.Filters.in("caseId", standard, express)) == 2);
        await().until(() -> Http.get(stack.services.url(Service.CONTRACT) + "/api/v1/suppliers/FOURN-REDO/perimeter/"
                + expressPdl).status() == 200);

        // the referential's last changes (perimeter entries) have reached every projection: the state is at rest
        await().until(() -> projectionsCaughtUp(stack));
        Map<String, String> before = snapshot(stack);
        String bootstrap = stack.kafkaBootstrap;
        String run = UUID.randomUUID().toString();
        int poisonPerTopic = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (String topic : GROUPS_PER_TOPIC.keySet()) {
                List<ConsumerRecord<String, String>> records = TopicReader.readAll(bootstrap, topic);
                Collections.reverse(records);
                for (ConsumerRecord<String, String> record : records) {
                    if (record.headers().lastHeader("eventId") != null) {
                        producer.send(new ProducerRecord<>(topic, record.partition(), bytes(record.key()),
                                bytes(record.value())));
                    }
                }
                List<byte[]> poison = List.of(
                        new byte[]{(byte) 0xC3, (byte) 0x28, '{', (byte) 0xFF, '}', '-'},
                        ("{\"eventId\":\"" + run + "\",\"eventType\":\"RequestCreated\",\"schemaVersion\":\"one\","
                                + "\"payload\":{\"version\":42,\"requestedDate\":[1]}}").getBytes(StandardCharsets.UTF_8),
                        ("{\"eventId\":\"" + UUID.randomUUID() + "\",\"eventType\":\"NoSuchThing-" + run
                                + "\",\"payload\":{}}").getBytes(StandardCharsets.UTF_8));
                poisonPerTopic = 0;
                for (int partition = 0; partition < 3; partition++) {
                    for (byte[] value : poison) {
                        producer.send(new ProducerRecord<>(topic, partition, bytes("poison-" + run), value));
                        poisonPerTopic++;
                    }
                }
            }
            producer.flush();
        }
        for (Map.Entry<String, Integer> topic : GROUPS_PER_TOPIC.entrySet()) {
            int expected = poisonPerTopic * topic.getValue();
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(TopicReader.readAll(bootstrap,
                    Topics.deadLetter(topic.getKey())).stream().filter(r -> ("poison-" + run).equals(r.key())).count())
                    .as("dead letters of " + topic.getKey()).isEqualTo(expected));
        }
        assertThat(snapshot(stack)).isEqualTo(before);
    }

    private static byte[] bytes(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    /** Every service's copy of each delivery point is at the referential's revision. */
    private static boolean projectionsCaughtUp(TestStack stack) {
        Map<Object, Object> revisions = new java.util.HashMap<>();
        for (Document point : collection(stack, "mes_contract", "delivery_points").find()) {
            revisions.put(point.get("_id"), String.valueOf(point.get("revision")));
        }
        for (String db : List.of("mes_request", "mes_scheduling", "mes_billing")) {
            Map<Object, Object> known = new java.util.HashMap<>();
            for (Document copy : collection(stack, db, "delivery_points").find()) {
                known.put(copy.get("_id"), String.valueOf(copy.get("revision")));
            }
            if (!known.equals(revisions)) {
                return false;
            }
        }
        return true;
    }

    /** What each service stores that an event could change, normalised to compare. */
    private static Map<String, String> snapshot(TestStack stack) {
        Map<String, String> state = new TreeMap<>();
        for (Document c : collection(stack, "mes_request", "cases").find()) {
            state.put("case " + c.get("_id"), c.getString("status") + " " + c.getList("milestones", Document.class).size()
                    + " " + c.get("appointment") + " " + c.get("closureCode"));
        }
        for (Document a : collection(stack, "mes_scheduling", "appointments").find()) {
            state.put("appointment " + a.get("_id"), a.getString("status") + " " + a.get("date") + " " + a.get("kind")
                    + " " + a.get("advancement"));
        }
        for (Document slot : collection(stack, "mes_scheduling", "charge_table").find()) {
            state.put("slot " + slot.get("_id"), slot.get("remaining") + " " + slot.get("bookings"));
        }
        for (Document bill : collection(stack, "mes_billing", "bills").find()) {
            state.put("bill " + bill.get("_id"), String.valueOf(bill.get("lines")));
        }
        for (Document point : collection(stack, "mes_contract", "delivery_points").find()) {
            state.put("pdl " + point.get("_id"), point.get("revision") + " " + point.get("supplyState") + " "
                    + point.get("perimeter"));
        }
        for (String db : List.of("mes_request", "mes_scheduling", "mes_billing")) {
            for (Document known : collection(stack, db, "delivery_points").find()) {
                state.put(db + " knows " + known.get("_id"), String.valueOf(known.get("revision")));
            }
        }
        return state;
    }

    private static MongoCollection<Document> collection(TestStack stack, String db, String name) {
        return stack.mongo.getDatabase(db).getCollection(name);
    }
}
