package fr.grd.mes.support.time;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * The simulation control: reads the shared clock and moves it forward. All services of a local stack share
 * one {@link ControllableClock}, so advancing it through any service moves every service at once.
 */
@RestController
@RequestMapping("/api/v1/simulation/clock")
public class ClockController {
    private final ControllableClock clock;

    public ClockController(ControllableClock clock) {
        this.clock = clock;
    }

    public record Advance(Duration duration, Instant to) {
    }

    @GetMapping
    public Map<String, Object> now() {
        Instant now = clock.instant();
        return Map.of("instant", now, "paris", ZonedDateTime.ofInstant(now, BusinessCalendar.PARIS).toString(),
                "speed", clock.speed());
    }

    @PostMapping("/advance")
    public Map<String, Object> advance(@RequestBody Advance request) {
        if (request.to() != null) {
            clock.advanceTo(request.to());
        } else if (request.duration() != null && !request.duration().isNegative()) {
            clock.advance(request.duration());
        } else {
            throw new fr.grd.mes.support.web.ValidationFailedException(java.util.List.of(
                    new fr.grd.mes.support.web.Violation("duration", "give a positive ISO-8601 duration or 'to'")));
        }
        return now();
    }
}
