package fr.grd.mes.localstack;

import fr.grd.mes.testsupport.Http;
import fr.grd.mes.events.Topics;
import fr.grd.mes.localstack.ServiceStack.Service;
import fr.grd.mes.support.time.BusinessCalendar;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
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
        // each case billed (a bill's lines are stored together: the express case's base and supplement at once)
        await().until(() -> !stack.platform.billing().billingLines("FOURN-REDO", standard).isEmpty()
                && !stack.platform.billing().billingLines("FOURN-REDO", express).isEmpty());
        await().until(() -> Http.get(stack.services.url(Service.CONTRACT) + "/api/v1/suppliers/FOURN-REDO/perimeter/"
                + expressPdl).status() == 200);

        // the referential's last changes (perimeter entries) have reached every projection: the state is at rest
        await().until(() -> projectionsCaughtUp(stack));
        Map<String, String> before = snapshot(stack);
        assertThat(before).as("the snapshot holds this test's own state").containsKeys("case " + standard,
                "case " + express, "pdl " + expressPdl, "billing lines FOURN-REDO", "slots " + zone,
                "mes_billing knows");
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
        Map<String, Map<Object, String>> revisions = stack.stores.projectionRevisions();
        return revisions.values().stream().allMatch(copy -> copy.equals(revisions.get("mes_contract")));
    }

    /**
     * What every service stores that an event could change, read as the distributor reads it: each case published
     * on the requests topic, each delivery point published by the referential, every zone's charge table and the
     * appointments of each of its days, each supplier's billing lines; and, as no API shows them, the revisions of
     * each service's copy of the referential.
     */
    private static Map<String, String> snapshot(TestStack stack) {
        Map<String, String> state = new TreeMap<>();
        java.util.Set<String> suppliers = new java.util.TreeSet<>();
        for (String caseId : keys(stack, Topics.REQUESTS)) {
            fr.grd.mes.client.Reply view = Http.get(stack.services.url(Service.REQUEST) + "/api/v1/cases/" + caseId);
            state.put("case " + caseId, answer(view));
            if (view.status() == 200) {
                suppliers.add(view.body().get("supplierId").asString());
            }
        }
        for (String pdl : keys(stack, Topics.DELIVERY_POINTS)) {
            state.put("pdl " + pdl, answer(Http.get(stack.services.url(Service.CONTRACT) + "/api/v1/delivery-points/" + pdl)));
        }
        LocalDate today = LocalDate.now(stack.clock.withZone(ZoneId.of("Europe/Paris")));
        LocalDate from = today.minusDays(60);
        LocalDate to = today.plusDays(300);
        for (tools.jackson.databind.JsonNode zone : Http.get(stack.services.url(Service.SCHEDULING) + "/api/v1/zones").body()) {
            String name = java.net.URLEncoder.encode(zone.asString(), StandardCharsets.UTF_8);
            fr.grd.mes.client.Reply slots = Http.get(stack.services.url(Service.SCHEDULING) + "/api/v1/slots?zone="
                    + name + "&from=" + from + "&to=" + to);
            state.put("slots " + zone.asString(), answer(slots));
            java.util.Set<String> days = new java.util.TreeSet<>();
            if (slots.status() == 200) {
                slots.body().forEach(slot -> days.add(slot.get("date").asString()));
            }
            for (String day : days) {
                state.put("appointments " + zone.asString() + " " + day, answer(Http.get(stack.services.url(
                        Service.SCHEDULING) + "/api/v1/appointments?zone=" + name + "&date=" + day)));
            }
        }
        for (String supplier : suppliers) {
            state.put("billing lines " + supplier, answer(Http.get(stack.services.url(Service.BILLING) + "/api/v1/suppliers/"
                    + supplier + "/billing-lines?limit=1000")));
        }
        stack.stores.projectionRevisions().forEach((db, copy) -> state.put(db + " knows", new TreeMap<>(
                copy.entrySet().stream().collect(java.util.stream.Collectors.toMap(e -> String.valueOf(e.getKey()),
                        Map.Entry::getValue))).toString()));
        return state;
    }

    /** The body of a 200; of any other answer only its status (a 500's error id differs on each call). */
    private static String answer(fr.grd.mes.client.Reply reply) {
        return reply.status() == 200 ? reply.raw() : "status " + reply.status();
    }

    private static java.util.Set<String> keys(TestStack stack, String topic) {
        java.util.Set<String> keys = new java.util.TreeSet<>();
        for (ConsumerRecord<String, String> record : TopicReader.readAll(stack.kafkaBootstrap, topic)) {
            if (record.key() != null && record.headers().lastHeader("eventId") != null) {
                keys.add(record.key());
            }
        }
        return keys;
    }
}
