package fr.grd.mes.localstack;

import fr.grd.mes.testsupport.Http;
import fr.grd.mes.localstack.ServiceStack.Service;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

/** Reading cases as a supplier does, over HTTP, waiting (Awaitility) for asynchronous steps. */
final class Cases {
    private Cases() {
    }

    /** Waits until the case satisfies {@code condition} and returns the view that did. */
    static JsonNode await(TestStack stack, String caseId, Predicate<JsonNode> condition) {
        JsonNode[] holder = new JsonNode[1];
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            var response = Http.get(stack.services.url(Service.REQUEST) + "/api/v1/cases/" + caseId);
            holder[0] = response.body();
            return response.status() == 200 && condition.test(response.body());
        });
        return holder[0];
    }

    static List<String> milestones(JsonNode c) {
        return StreamSupport.stream(c.get("milestones").spliterator(), false).map(m -> m.get("code").asString())
                .toList();
    }
}
