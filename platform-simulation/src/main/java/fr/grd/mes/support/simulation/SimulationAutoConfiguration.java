package fr.grd.mes.support.simulation;

import fr.grd.mes.events.Topics;
import fr.grd.mes.support.json.EventJson;
import fr.grd.mes.support.kafka.TopicProvisioner;
import fr.grd.mes.support.time.ControllableClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The simulation clock's control ({@code /api/v1/simulation/clock} and its {@code sim.clock} broadcast), where the
 * clock runs as a simulation or its control is asked for. This module is on the class path of the local stack and
 * of the tests only: no service image carries it, so production has neither the endpoint nor the topic.
 */
@AutoConfiguration
@ConditionalOnExpression("${mes.clock.control:false} or '${mes.clock.mode:real}' == 'simulation'")
public class SimulationAutoConfiguration {

    @Bean
    KafkaAdmin.NewTopics simulationTopics(TopicProvisioner topics) {
        return new KafkaAdmin.NewTopics(topics.describe(Topics.SIMULATION_CLOCK));
    }

    @Bean
    ClockController clockController(ControllableClock clock, KafkaTemplate<String, String> kafka,
                                    TopicProvisioner topics, EventJson json,
                                    @Value("${spring.application.name}") String serviceName) {
        return new ClockController(clock, kafka, topics, json, serviceName);
    }
}
