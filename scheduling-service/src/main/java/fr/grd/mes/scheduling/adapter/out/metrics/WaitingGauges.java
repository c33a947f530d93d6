package fr.grd.mes.scheduling.adapter.out.metrics;

import fr.grd.mes.scheduling.application.AppointmentRepository;
import fr.grd.mes.scheduling.domain.Appointment;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code mes_appointments_waiting}: requests that found no place in the charge table and wait for capacity, and
 * {@code mes_appointments_waiting_oldest_seconds}: how long the oldest of them has waited (on the shared clock).
 * Recounted from the store every period, so the figures are true after a restart.
 */
@Component
public class WaitingGauges {
    private final AppointmentRepository appointments;
    private final Clock clock;
    private final AtomicLong waiting = new AtomicLong();
    private final AtomicLong oldestSeconds = new AtomicLong();

    public WaitingGauges(AppointmentRepository appointments, Clock clock, MeterRegistry registry) {
        this.appointments = appointments;
        this.clock = clock;
        Gauge.builder("mes.appointments.waiting", waiting, AtomicLong::get)
                .description("Requests waiting for a place in the charge table").register(registry);
        Gauge.builder("mes.appointments.waiting.oldest", oldestSeconds, AtomicLong::get).baseUnit("seconds")
                .description("How long the oldest waiting request has waited").register(registry);
    }

    @Scheduled(fixedDelayString = "${mes.metrics.period:PT15S}")
    public void recount() {
        List<Appointment> unscheduled = appointments.unscheduled();
        waiting.set(unscheduled.size());
        Instant now = clock.instant();
        oldestSeconds.set(unscheduled.stream().map(Appointment::getReceivedAt).filter(Objects::nonNull)
                .min(Instant::compareTo).map(since -> Duration.between(since, now).toSeconds()).orElse(0L));
    }
}
