package fr.grd.mes.support.time.boot;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Instant;

/**
 * Where a service takes its time from ({@code mes.clock.*}): {@code mode} real (default) or simulation (from
 * {@code start}, {@code speed} times faster); {@code control} exposes the simulation clock's endpoint (the
 * platform-simulation module, local stack and tests only).
 */
@ConfigurationProperties("mes.clock")
public record ClockProperties(String mode, Instant start, Double speed, Boolean control) {
    public boolean simulation() {
        return "simulation".equalsIgnoreCase(mode);
    }
}
