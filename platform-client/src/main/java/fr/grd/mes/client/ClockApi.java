package fr.grd.mes.client;

import java.time.Instant;
import java.util.Map;

/** The simulation clock (local stack and tests only: production services have none). */
public final class ClockApi {
    private final PlatformClient client;

    ClockApi(PlatformClient client) {
        this.client = client;
    }

    /** The instant {@code service}'s clock reads; the reply is returned as it is (a service may be down). */
    public Reply now(PlatformService service) {
        return client.get(service, "/api/v1/simulation/clock");
    }

    /** Moves the shared clock forward to {@code to} (through {@code service}, which publishes it to the others). */
    public Reply advance(PlatformService service, Instant to) {
        return client.call("POST", service, "/api/v1/simulation/clock/advance", Map.of("to", to.toString()));
    }
}
