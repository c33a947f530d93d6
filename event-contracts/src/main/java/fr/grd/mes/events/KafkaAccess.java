package fr.grd.mes.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may do what on the broker: one SASL/SCRAM principal per service, per supplier and for the SGE portal, and
 * the ACLs each needs, derived from {@link TopicCatalog} (single writer, readers). The same plan is applied in the
 * secure-broker test, written into Docker Compose's {@code ops/kafka/acls.sh} and checked against the Kubernetes
 * {@code KafkaUser} resources, so the three cannot drift apart.
 */
public final class KafkaAccess {
    public static final List<String> SERVICES = List.of("request-service", "scheduling-service", "billing-service",
            "contract-service");
    public static final String PORTAL = "sge-portal";

    /** Resource pattern: one exact name, or every name starting with it. */
    public enum Pattern { LITERAL, PREFIXED }

    /** One ACL: {@code principal} may do {@code operations} on a topic or consumer group matching {@code name}. */
    public record Grant(String principal, String resourceType, Pattern pattern, String name, Set<String> operations) {
        public Grant {
            operations = Set.copyOf(new TreeSet<>(operations));
        }
    }

    private KafkaAccess() {
    }

    /** The grants of one service: what it writes, reads, dead-letters and describes, and its consumer groups. */
    public static List<Grant> ofService(String service) {
        List<Grant> grants = new ArrayList<>();
        for (TopicCatalog.TopicSpec spec : TopicCatalog.TOPICS) {
            boolean supplierTopic = spec.name().contains("{supplierId}");
            if (spec.name().equals(Topics.SIMULATION_CLOCK)) {
                continue;
            }
            if (service.equals(spec.writer())) {
                grants.add(supplierTopic
                        ? new Grant(service, "TOPIC", Pattern.PREFIXED, "supplier.", Set.of("WRITE", "DESCRIBE", "CREATE"))
                        : new Grant(service, "TOPIC", Pattern.LITERAL, spec.name(), Set.of("WRITE", "DESCRIBE", "CREATE")));
            } else if (spec.readers().contains(service)) {
                grants.add(new Grant(service, "TOPIC", Pattern.LITERAL, spec.name(), Set.of("READ", "DESCRIBE")));
                grants.add(new Grant(service, "TOPIC", Pattern.LITERAL, Topics.deadLetter(spec.name()),
                        Set.of("WRITE", "DESCRIBE", "CREATE")));
            } else if (!supplierTopic) {
                // every service declares the internal topics at start-up (created once, then only described)
                grants.add(new Grant(service, "TOPIC", Pattern.LITERAL, spec.name(), Set.of("DESCRIBE", "CREATE")));
            }
        }
        grants.add(new Grant(service, "GROUP", Pattern.PREFIXED, service, Set.of("READ")));
        return dedupe(grants);
    }

    /**
     * What a service needs on top of {@link #ofService} where the clock is simulated (the local stack and the
     * tests, never production): the {@code sim.clock} broadcast and its dead letters.
     */
    public static List<Grant> simulationGrantsOf(String service) {
        return List.of(
                new Grant(service, "TOPIC", Pattern.LITERAL, Topics.SIMULATION_CLOCK,
                        Set.of("READ", "WRITE", "DESCRIBE", "CREATE")),
                new Grant(service, "TOPIC", Pattern.LITERAL, Topics.deadLetter(Topics.SIMULATION_CLOCK),
                        Set.of("WRITE", "DESCRIBE", "CREATE")));
    }

    /** Every service's {@link #simulationGrantsOf simulation grants}. */
    public static List<Grant> simulationPlan() {
        List<Grant> all = new ArrayList<>();
        SERVICES.forEach(service -> all.addAll(simulationGrantsOf(service)));
        return all;
    }

    /** A supplier reads exactly its own four flows, in consumer groups named after it. */
    public static List<Grant> ofSupplier(String supplierId) {
        return List.of(
                new Grant(supplierId, "TOPIC", Pattern.PREFIXED, "supplier." + supplierId + ".", Set.of("READ", "DESCRIBE")),
                new Grant(supplierId, "GROUP", Pattern.PREFIXED, supplierId + ".", Set.of("READ")));
    }

    /** The SGE portal writes the ingress and reads the rejections. */
    public static List<Grant> ofPortal() {
        return List.of(
                new Grant(PORTAL, "TOPIC", Pattern.LITERAL, Topics.SGE_REQUESTS, Set.of("WRITE", "DESCRIBE")),
                new Grant(PORTAL, "TOPIC", Pattern.LITERAL, Topics.SGE_REQUESTS_REJECTED, Set.of("READ", "DESCRIBE")),
                new Grant(PORTAL, "GROUP", Pattern.PREFIXED, PORTAL, Set.of("READ")));
    }

    /** Every grant of the platform in production for the given suppliers (no simulation topic). */
    public static List<Grant> plan(List<String> suppliers) {
        List<Grant> all = new ArrayList<>();
        SERVICES.forEach(service -> all.addAll(ofService(service)));
        all.addAll(ofPortal());
        suppliers.forEach(supplier -> all.addAll(ofSupplier(supplier)));
        return all;
    }

    private static List<Grant> dedupe(List<Grant> grants) {
        List<Grant> merged = new ArrayList<>();
        for (Grant grant : grants) {
            var same = merged.stream().filter(g -> g.resourceType().equals(grant.resourceType())
                    && g.pattern() == grant.pattern() && g.name().equals(grant.name())).findFirst();
            if (same.isPresent()) {
                Set<String> operations = new TreeSet<>(same.get().operations());
                operations.addAll(grant.operations());
                merged.set(merged.indexOf(same.get()), new Grant(grant.principal(), grant.resourceType(),
                        grant.pattern(), grant.name(), operations));
            } else {
                merged.add(grant);
            }
        }
        return List.copyOf(merged);
    }

    /**
     * The {@code kafka-acls.sh} commands of the plan, for the broker's init container (Docker Compose): one line
     * per grant, run with the admin's client properties.
     */
    public static String shellScript(List<String> suppliers) {
        StringBuilder script = new StringBuilder("""
                #!/usr/bin/env bash
                # GENERATED from fr.grd.mes.events.KafkaAccess (the platform's ACL plan); do not edit by hand:
                #   ./mvnw -pl local-stack verify -Dit.test=SecureKafkaIT -Dacls.write=true
                # Usage: acls.sh BOOTSTRAP ADMIN_CLIENT_PROPERTIES   (run by the kafka-init container of docker-compose.yml)
                set -euo pipefail
                BOOTSTRAP="$1"; CONFIG="$2"; ACLS="${KAFKA_ACLS:-/opt/kafka/bin/kafka-acls.sh}"
                grant() { "$ACLS" --bootstrap-server "$BOOTSTRAP" --command-config "$CONFIG" --add --force "$@" >/dev/null; }
                """);
        for (Grant grant : plan(suppliers)) {
            script.append("grant --allow-principal User:").append(grant.principal());
            for (String operation : new TreeSet<>(grant.operations())) {
                script.append(" --operation ").append(operation.charAt(0)).append(operation.substring(1).toLowerCase());
            }
            script.append(grant.resourceType().equals("TOPIC") ? " --topic " : " --group ").append(grant.name())
                    .append(" --resource-pattern-type ").append(grant.pattern().name().toLowerCase()).append('\n');
        }
        script.append("echo \"ACLs applied: ").append(plan(suppliers).size()).append(" grants\"\n");
        return script.toString();
    }
}
