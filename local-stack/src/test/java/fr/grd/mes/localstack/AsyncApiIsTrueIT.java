package fr.grd.mes.localstack;

import fr.grd.mes.testsupport.Http;
import fr.grd.mes.events.TopicCatalog;
import fr.grd.mes.events.Topics;
import fr.grd.mes.localstack.ServiceStack.Service;
import fr.grd.mes.support.time.BusinessCalendar;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The AsyncAPI document stays true: after a case has gone through, every topic on the broker is one the
 * document describes, and every record a service wrote on it (they carry an eventId header) is one of the event
 * types the document lists for that topic.
 * Each service also serves the document and the schemas.
 */
class AsyncApiIsTrueIT {
    @Test
    void everyTopicAndRecordOnTheBrokerIsDescribedByTheAsyncApiDocument() throws Exception {
        TestStack stack = TestStack.get();
        String zone = "ZONE-API";
        LocalDate date = new BusinessCalendar().addBusinessDays(LocalDate.now(stack.clock.withZone(ZoneId.of("Europe/Paris"))), 1);
        CaseFixture.capacity(stack, zone, date, 1, 1);
        String pdl = CaseFixture.deliveryPoint(stack, zone, "COUP");
        String caseId = Http.post(stack.services.url(Service.REQUEST) + "/api/v1/requests",
                CaseFixture.request(pdl, "FOURN-API", "STANDARD", date, "AM")).body().get("caseId").asString();
        Cases.await(stack, caseId, c -> Cases.milestones(c).contains("INPL"));
        stack.clock.advanceTo(date.atTime(9, 0).atZone(ZoneId.of("Europe/Paris")).toInstant());
        Http.post(stack.services.url(Service.SCHEDULING) + "/api/v1/appointments/" + caseId + "-R1/outcome",
                Map.of("result", "COMPLETED", "meterIndex", 3));
        await().until(() -> Http.get(stack.services.url(Service.BILLING) + "/api/v1/suppliers/FOURN-API/billing-lines?caseId="
                + caseId).body().size() == 1);

        Cases.await(stack, caseId, c -> "TERMN".equals(c.get("status").asString()));
        await().until(() -> Http.get(stack.services.url(Service.CONTRACT) + "/api/v1/suppliers/FOURN-API/perimeter/"
                + pdl).status() == 200);
        Set<String> topics;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap))) {
            await().until(() -> admin.listTopics().names().get().containsAll(List.of(Topics.tracking("FOURN-API"),
                    Topics.billing("FOURN-API"), Topics.contractual("FOURN-API"))));
            topics = admin.listTopics().names().get();
        }
        List<String> described = topics.stream().filter(t -> !t.startsWith("__") && !t.endsWith(".DLT")).toList();
        assertThat(described).contains(Topics.tracking("FOURN-API"), Topics.billing("FOURN-API"),
                Topics.contractual("FOURN-API"), Topics.REQUESTS, Topics.INTERVENTIONS);
        for (String topic : described) {
            TopicCatalog.TopicSpec spec = TopicCatalog.specOf(topic).orElse(null);
            assertThat(spec).as("topic " + topic + " in the AsyncAPI document").isNotNull();
            if (spec.eventTypes().isEmpty()) {
                continue;
            }
            for (ConsumerRecord<String, String> record : TopicReader.readAll(stack.kafkaBootstrap, topic)) {
                if (record.headers().lastHeader("eventId") == null) {
                    continue; // not written by a service (the poison records other tests publish on purpose)
                }
                JsonNode value = Http.JSON.readTree(record.value());
                assertThat(spec.eventTypes()).as("record on " + topic).contains(value.get("eventType").asString());
            }
        }

        var asyncApi = Http.get(stack.services.url(Service.CONTRACT) + "/asyncapi/asyncapi.json");
        assertThat(asyncApi.body().get("asyncapi").asString()).isEqualTo("3.0.0");
        var schema = Http.get(stack.services.url(Service.BILLING) + "/schemas/SupplierBillingRecord.schema.json");
        assertThat(schema.body().get("title").asString()).isEqualTo("SupplierBillingRecord");
    }
}
