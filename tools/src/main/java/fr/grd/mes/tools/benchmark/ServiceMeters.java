package fr.grd.mes.tools.benchmark;

import fr.grd.mes.client.PlatformClient;
import fr.grd.mes.client.PlatformService;
import fr.grd.mes.client.Reply;
import fr.grd.mes.localstack.ServiceStack.Service;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The services' own meters, read from each one's actuator through the platform client: what the benchmark counts per
 * case (records published, document writes, POST calls) and how long the store took as the driver timed it.
 */
final class ServiceMeters {
    private final PlatformClient client;

    ServiceMeters(PlatformClient client) {
        this.client = client;
    }


    /** Records published, document writes and POST calls so far, summed over the services' own meters. */
    Map<String, Double> counts() {
        double records = 0;
        double writes = 0;
        double reads = 0;
        double posts = 0;
        for (Service service : Service.values()) {
            records += meter(service, "mes.events.published", null);
            for (String command : List.of("insert", "update", "findAndModify", "delete")) {
                writes += meter(service, "mongodb.driver.commands", "command:" + command);
            }
            for (String command : List.of("find", "aggregate", "count", "getMore")) {
                reads += meter(service, "mongodb.driver.commands", "command:" + command);
            }
            posts += meter(service, "http.server.requests", "method:POST");
        }
        return Map.of("records", records, "writes", writes, "reads", reads, "posts", posts);
    }

    /** Count and total seconds of the store commands each service's driver timed so far (round trip included). */
    Map<String, double[]> storeCommands() {
        Map<String, double[]> timed = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            Map<String, Double> timer = measurements(service, "mongodb.driver.commands", null);
            timed.put(service.serviceName(), new double[]{timer.getOrDefault("COUNT", 0.0),
                    timer.getOrDefault("TOTAL_TIME", 0.0)});
        }
        return timed;
    }

    /**
     * Count and total seconds of the reads ({@code find}, {@code count}, {@code aggregate}) each service's driver
     * timed so far, per collection ("service collection command"), and the longest of the last minutes (Micrometer's
     * decaying maximum): a read that scans a collection shows as a maximum growing with the data.
     */
    Map<String, double[]> readsByCollection() {
        Map<String, double[]> timed = new java.util.TreeMap<>();
        for (Service service : Service.values()) {
            for (String command : List.of("find", "count", "aggregate")) {
                Reply reply = client.get(PlatformService.valueOf(service.name()),
                        "/actuator/metrics/mongodb.driver.commands?tag=command:" + command);
                if (reply.status() == 404) {
                    continue;
                }
                for (JsonNode tag : reply.orThrow().get("availableTags")) {
                    if (!tag.get("tag").asString().equals("collection")) {
                        continue;
                    }
                    for (JsonNode collection : tag.get("values")) {
                        Map<String, Double> timer = measurements(service, "mongodb.driver.commands",
                                "command:" + command + "&tag=collection:" + collection.asString());
                        timed.put(service.serviceName() + " " + collection.asString() + " " + command,
                                new double[]{timer.getOrDefault("COUNT", 0.0), timer.getOrDefault("TOTAL_TIME", 0.0),
                                        timer.getOrDefault("MAX", 0.0)});
                    }
                }
            }
        }
        return timed;
    }

    /** A counter's count or a gauge's value (0 for a meter not registered yet). */
    double meter(Service service, String name, String tag) {
        Map<String, Double> measured = measurements(service, name, tag);
        return measured.getOrDefault("COUNT", measured.getOrDefault("VALUE", 0.0));
    }

    /** A meter's measurements by statistic (COUNT, TOTAL_TIME, VALUE, …) from the service's actuator. */
    private Map<String, Double> measurements(Service service, String name, String tag) {
        Reply reply = client.get(PlatformService.valueOf(service.name()), "/actuator/metrics/" + name
                + (tag == null ? "" : "?tag=" + tag));
        Map<String, Double> measured = new LinkedHashMap<>();
        if (reply.status() != 404) {
            for (JsonNode measurement : reply.orThrow().get("measurements")) {
                measured.put(measurement.get("statistic").asString(), measurement.get("value").asDouble());
            }
        }
        return measured;
    }
}
