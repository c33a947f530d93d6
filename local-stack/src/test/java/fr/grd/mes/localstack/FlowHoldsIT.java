package fr.grd.mes.localstack;

import fr.grd.mes.testsupport.Http;
import com.mongodb.client.MongoCollection;
import fr.grd.mes.localstack.ServiceStack.Service;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One bad record never blocks a supplier's flows. A record that no flow file can carry (here: control characters
 * written straight into each service's store, bypassing the edge checks, as data stored before those checks
 * could be) is left out of the supplier's next F15, C15 and X12 — which go out valid, with the next sequence
 * number — and held for an operator with the reason; once repaired and released, the next file carries it, once.
 */
class FlowHoldsIT {
    private static final String SUPPLIER = "FOURN-HOLD";
    private static TestStack stack;
    private static SupplierFiles files;

    @BeforeAll
    static void stack() {
        stack = TestStack.get();
        files = new SupplierFiles(stack, SUPPLIER, "ZONE-HOLD");
    }

    private static String holdsUrl(String flow) {
        return stack.services.url(SupplierFiles.serviceOf(flow)) + "/api/v1/flow-holds";
    }

    private static List<JsonNode> holds(String flow, String status) {
        fr.grd.mes.client.Reply response = Http.get(holdsUrl(flow) + "?flow=" + flow + "&status=" + status);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return StreamSupport.stream(response.body().spliterator(), false)
                .filter(h -> SUPPLIER.equals(h.get("supplierId").asString())).toList();
    }

    /** Writes text no XML 1.0 file can carry into each service's own copy of the case, as a careless import would. */
    private static void corruptInTheStores(String caseId) {
        stack.stores.writeTextNoFileCanCarry(caseId, "BAD\u0000REF", "BAD\u0001REF\uFFFE");
    }

    @Test
    void aRecordNoFileCanCarryIsHeldTheFilesGoOutValidAndItIsDeliveredOnceRepaired() throws Exception {
        List<String> cases = files.completedCases(List.of("COMPLETED", "COMPLETED"));
        String clean = cases.get(0);
        String bad = cases.get(1);
        corruptInTheStores(bad);
        stack.clock.advance(Duration.ofMinutes(1));

        for (String flow : SupplierFiles.FLOWS) {
            fr.grd.mes.client.Reply created = files.export(flow);
            assertThat(created.status()).as(flow + " " + created.raw() + " holds: " + Http.get(holdsUrl(flow)).raw())
                    .isEqualTo(201);
            assertThat(created.body().get("recordCount").asInt()).as(flow).isEqualTo(1);
            String xml = files.checkedEntries(flow, created.body().get("fileName").asString());
            assertThat(xml).as(flow).contains(clean).doesNotContain(bad);

            List<JsonNode> held = holds(flow, "HELD");
            assertThat(held).as(flow).hasSize(1);
            assertThat(held.get(0).get("recordId").asString()).as(flow).contains(bad);
            assertThat(held.get(0).get("reason").asString()).as(flow).containsIgnoringCase("invalid XML character");
            assertThat(Http.text(stack.services.url(SupplierFiles.serviceOf(flow)) + "/actuator/prometheus"))
                    .containsPattern("mes_flow_records_held\\{[^}]*flow=\"" + flow + "\"[^}]*} 1\\.0");

            // nothing new for this supplier: the held record does not make an empty file or use a number
            assertThat(files.export(flow).status()).as(flow).isEqualTo(204);
        }

        for (String flow : SupplierFiles.FLOWS) {
            String holdId = holds(flow, "HELD").get(0).get("id").asString();
            fr.grd.mes.client.Reply early = Http.post(holdsUrl(flow) + "/" + holdId + "/release", Map.of());
            assertThat(early.status()).as(flow + " " + early.raw()).isEqualTo(409);
            assertThat(early.body().get("detail").asString()).contains("still cannot be written");

            fr.grd.mes.client.Reply supplierTries = Http.post(holdsUrl(flow) + "/" + holdId + "/repair", Map.of(), files.token);
            assertThat(supplierTries.status()).as("a supplier is no operator").isEqualTo(403);

            fr.grd.mes.client.Reply repaired = Http.post(holdsUrl(flow) + "/" + holdId + "/repair", Map.of());
            assertThat(repaired.status()).as(flow + " " + repaired.raw()).isEqualTo(200);
            assertThat(repaired.body().get("valuesRepaired").asInt()).isPositive();
            assertThat(repaired.body().get("hold").get("status").asString()).isEqualTo("RELEASED");
        }

        stack.clock.advance(Duration.ofMinutes(1));
        for (String flow : SupplierFiles.FLOWS) {
            fr.grd.mes.client.Reply created = files.export(flow);
            assertThat(created.status()).as(flow + " " + created.raw()).isEqualTo(201);
            assertThat(created.body().get("recordCount").asInt()).isEqualTo(1);
            String fileName = created.body().get("fileName").asString();
            assertThat(files.checkedEntries(flow, fileName)).as(flow).contains(bad).contains("BADREF");
            List<JsonNode> delivered = holds(flow, "DELIVERED");
            assertThat(delivered).hasSize(1);
            assertThat(delivered.get(0).get("deliveredIn").asString()).isEqualTo(fileName);
            assertThat(holds(flow, "RELEASED")).isEmpty();

            // delivered once: the next export has nothing new
            stack.clock.advance(Duration.ofSeconds(1));
            assertThat(files.export(flow).status()).as(flow).isEqualTo(204);
            // and the supplier's files are numbered without gaps, each one valid
            assertThat(files.checkedContent(flow)).contains(clean, bad);
        }
    }
}
