package fr.grd.mes.support.simulation;

import fr.grd.mes.events.ClockAdvanced;
import fr.grd.mes.events.EventEnvelope;
import fr.grd.mes.events.EventTypes;
import fr.grd.mes.events.Topics;
import fr.grd.mes.support.json.EventJson;
import fr.grd.mes.support.kafka.TopicProvisioner;
import fr.grd.mes.support.outcome.Invalid;
import fr.grd.mes.support.outcome.Violation;
import fr.grd.mes.support.time.BusinessCalendar;
import fr.grd.mes.support.time.ControllableClock;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The simulation control: reads the clock and moves it forward for every service at once. The service that
 * receives the command moves its own clock, then broadcasts ClockAdvanced on {@code sim.clock}; every service
 * instance (each in its own consumer group) moves its clock to the same instant. Services sharing one JVM share
 * one clock, and moving to an instant already reached does nothing, so the broadcast is harmless there. A
 * service that starts (or restarts after a crash) replays the topic from the beginning and so catches up.
 */
@RestController
@RequestMapping("/api/v1/simulation/clock")
public class ClockController {
    private final ControllableClock clock;
    private final KafkaTemplate<String, String> kafka;
    private final TopicProvisioner topics;
    private final EventJson json;
    private final String serviceName;

    public ClockController(ControllableClock clock, KafkaTemplate<String, String> kafka, TopicProvisioner topics,
                           EventJson json, String serviceName) {
        this.clock = clock;
        this.kafka = kafka;
        this.topics = topics;
        this.json = json;
        this.serviceName = serviceName;
    }

    public record Advance(Duration duration, Instant to) {
    }

    @GetMapping
    public Map<String, Object> now() {
        Instant now = clock.instant();
        return Map.of("instant", now, "paris", ZonedDateTime.ofInstant(now, BusinessCalendar.PARIS).toString(),
                "speed", clock.speed());
    }

    /** The longest single move of the simulated time (ten years): beyond it, date arithmetic would overflow. */
    static final java.time.Duration MAX_JUMP = java.time.Duration.ofDays(3653);

    @PostMapping("/advance")
    public Map<String, Object> advance(@RequestBody Advance request) throws Exception {
        Instant target;
        Instant now = clock.instant();
        if (request.to() != null) {
            if (request.to().isAfter(now.plus(MAX_JUMP))) {
                throw new Invalid(List.of(new Violation("to", "at most " + MAX_JUMP.toDays()
                        + " days ahead of the simulated now")));
            }
            target = request.to();
        } else if (request.duration() != null && !request.duration().isNegative()) {
            if (request.duration().compareTo(MAX_JUMP) > 0) {
                throw new Invalid(List.of(new Violation("duration", "at most "
                        + MAX_JUMP.toDays() + " days at once")));
            }
            target = now.plus(request.duration());
        } else {
            throw new Invalid(List.of(
                    new Violation("duration", "give a positive ISO-8601 duration (\"P1D\") or an instant 'to'")));
        }
        clock.advanceTo(target);
        topics.ensure(Topics.SIMULATION_CLOCK);
        EventEnvelope<ClockAdvanced> envelope = EventEnvelope.of(EventTypes.CLOCK_ADVANCED, "clock", null, null,
                clock.instant(), new ClockAdvanced(target, serviceName));
        kafka.send(Topics.SIMULATION_CLOCK, "clock", json.write(envelope)).get(10, TimeUnit.SECONDS);
        return now();
    }

    @KafkaListener(topics = Topics.SIMULATION_CLOCK, groupId = "${spring.application.name}.clock.${random.uuid}",
            properties = "auto.offset.reset=earliest")
    public void onClockAdvanced(String value) {
        if (json.read(value).payload() instanceof ClockAdvanced advanced) {
            clock.advanceTo(advanced.to());
        }
    }
}
