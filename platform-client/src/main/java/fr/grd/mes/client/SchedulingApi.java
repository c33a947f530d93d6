package fr.grd.mes.client;

import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.Map;

import static fr.grd.mes.client.PlatformService.SCHEDULING;

/** scheduling-service: the charge table, the express desk's advancements, the technicians' outcomes. */
public final class SchedulingApi {
    private final PlatformClient client;

    SchedulingApi(PlatformClient client) {
        this.client = client;
    }

    /** Sets a zone's technician places for a day's two half days; the reply is returned as it is. */
    public Reply setCapacity(String zone, LocalDate day, int am, int pm) {
        return client.call("PUT", SCHEDULING, "/api/v1/capacity/" + zone + "/" + day, Map.of("am", am, "pm", pm));
    }

    /** The zone's half days from {@code from} to {@code to}, with their places. */
    public JsonNode slots(String zone, LocalDate from, LocalDate to) {
        return client.expect("GET", SCHEDULING, "/api/v1/slots?zone=" + zone + "&from=" + from + "&to=" + to, null);
    }

    /** The express desk's advancement windows in {@code status} (OPEN, PROPOSED, …). */
    public JsonNode advancements(String status) {
        return client.expect("GET", SCHEDULING, "/api/v1/advancements?status=" + status, null);
    }

    /** The desk's call to the client about a proposed earlier date. */
    public JsonNode clientCall(String appointmentId, boolean reachable, boolean agreed) {
        return client.expect("POST", SCHEDULING, "/api/v1/appointments/" + appointmentId + "/client-call",
                Map.of("reachable", reachable, "agreed", agreed));
    }

    /** The technician's outcome: supply restored with the index read; the reply is returned as it is. */
    public Reply completed(String appointmentId, long meterIndex) {
        return client.call("POST", SCHEDULING, "/api/v1/appointments/" + appointmentId + "/outcome",
                Map.of("result", "COMPLETED", "meterIndex", meterIndex));
    }

    /** The technician's outcome: the client was absent (wasted trip); the reply is returned as it is. */
    public Reply clientAbsent(String appointmentId) {
        return client.call("POST", SCHEDULING, "/api/v1/appointments/" + appointmentId + "/outcome",
                Map.of("result", "CLIENT_ABSENT"));
    }
}
