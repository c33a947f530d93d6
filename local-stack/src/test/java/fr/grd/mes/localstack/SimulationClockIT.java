package fr.grd.mes.localstack;

import fr.grd.mes.testsupport.Http;
import fr.grd.mes.events.Topics;
import fr.grd.mes.localstack.ServiceStack.Service;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One control moves the time of every service: through any service, broadcast on {@code sim.clock}. */
class SimulationClockIT {
    @Test
    void advancingTheClockThroughOneServiceMovesEveryService() {
        TestStack stack = TestStack.get();
        Instant before = Instant.parse(Http.get(stack.services.url(Service.BILLING) + "/api/v1/simulation/clock")
                .body().get("instant").asString());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "clock-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.SIMULATION_CLOCK));

            var advanced = Http.post(stack.services.url(Service.REQUEST) + "/api/v1/simulation/clock/advance",
                    Map.of("duration", "PT6H"));
            assertThat(advanced.status()).as(advanced.raw()).isEqualTo(200);

            for (Service service : Service.values()) {
                Instant now = Instant.parse(Http.get(stack.services.url(service) + "/api/v1/simulation/clock").body()
                        .get("instant").asString());
                assertThat(Duration.between(before, now)).as(service.serviceName()).isGreaterThanOrEqualTo(Duration.ofHours(6));
            }
            List<String> broadcast = new ArrayList<>();
            await().until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> broadcast.add(r.value()));
                return broadcast.stream().anyMatch(v -> v.contains("\"requestedVia\":\"request-service\""));
            });
            var invalid = Http.post(stack.services.url(Service.REQUEST) + "/api/v1/simulation/clock/advance",
                    Map.of("duration", "-PT1H"));
            assertThat(invalid.status()).isEqualTo(400);
        }
    }
}
