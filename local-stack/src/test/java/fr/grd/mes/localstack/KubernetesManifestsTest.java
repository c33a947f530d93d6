package fr.grd.mes.localstack;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every manifest of {@code k8s/} parsed with the fabric8 Kubernetes model, and the invariants a platform team
 * expects: per service a Deployment with distinct liveness/readiness probes, requests and limits, non-root
 * read-only containers, secrets by reference only; a Service, a PodDisruptionBudget and an autoscaler no wider
 * than the topics' partitions; Strimzi Kafka with SCRAM users and prefixed supplier ACLs; an authenticated
 * MongoDB replica set; a ServiceMonitor; dev and prod overlays.
 */
class KubernetesManifestsTest {
    private static final Path K8S = Path.of("..", "k8s");
    private static final List<String> SERVICES = List.of("request-service", "scheduling-service", "billing-service",
            "contract-service");
    private static final List<HasMetadata> RESOURCES = new ArrayList<>();

    @BeforeAll
    static void parse() throws Exception {
        try (Stream<Path> files = Files.list(K8S.resolve("base"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("kustomization.yaml"))
                    .toList()) {
                for (String document : Files.readString(file).split("(?m)^---\\s*$")) {
                    if (document.strip().isEmpty() || document.lines().allMatch(l -> l.isBlank() || l.startsWith("#"))) {
                        continue;
                    }
                    RESOURCES.add(Serialization.unmarshal(document));
                }
            }
        }
    }

    private static <T> List<T> all(Class<T> type) {
        return RESOURCES.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static List<GenericKubernetesResource> custom(String kind) {
        return all(GenericKubernetesResource.class).stream().filter(r -> kind.equals(r.getKind())).toList();
    }

    @Test
    void everyServiceIsADeploymentAProductionTeamWouldMerge() {
        List<String> deployments = new java.util.ArrayList<>(SERVICES);
        deployments.add("supplier-files");
        assertThat(all(Deployment.class)).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(deployments);
        for (Deployment deployment : all(Deployment.class)) {
            var pod = deployment.getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(pod.getAutomountServiceAccountToken()).isFalse();
            Container container = pod.getContainers().get(0);
            String name = deployment.getMetadata().getName();
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).as(name).isEqualTo("/actuator/health/liveness");
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).as(name).isEqualTo("/actuator/health/readiness");
            assertThat(container.getStartupProbe()).as(name).isNotNull();
            assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");
            assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            container.getEnv().forEach(env -> {
                if (env.getName().contains("URI") || env.getName().contains("JAAS") || env.getName().contains("PASSWORD")
                        || env.getName().contains("TOKEN")) {
                    assertThat(env.getValue()).as(name + " " + env.getName() + " comes from a Secret").isNull();
                    assertThat(env.getValueFrom().getSecretKeyRef()).isNotNull();
                }
            });
            assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
        }
        assertThat(all(Service.class)).hasSize(deployments.size());
        assertThat(all(PodDisruptionBudget.class)).hasSize(deployments.size())
                .allSatisfy(pdb -> assertThat("supplier-files".equals(pdb.getMetadata().getName())
                        ? pdb.getSpec().getMaxUnavailable().getIntVal() : pdb.getSpec().getMinAvailable().getIntVal())
                        .as("one replica of supplier-files may go (it is one pod); one of each service stays")
                        .isEqualTo(1));
        // the services scale with their partitions; the SFTP delivery is one pod (long sessions, cheap mirror)
        assertThat(all(HorizontalPodAutoscaler.class)).hasSize(SERVICES.size())
                .allSatisfy(hpa -> assertThat(hpa.getSpec().getMaxReplicas()).as("no more consumers than partitions")
                        .isLessThanOrEqualTo(3));
        assertThat(custom("ServiceMonitor")).hasSize(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void kafkaAndMongoAreTheOperatorsResourcesWithAuthentication() {
        GenericKubernetesResource kafka = custom("Kafka").get(0);
        Map<String, Object> spec = (Map<String, Object>) kafka.getAdditionalProperties().get("spec");
        String kafkaSpec = String.valueOf(spec);
        assertThat(kafkaSpec).contains("scram-sha-512", "tls=true", "type=simple");
        assertThat(custom("KafkaTopic")).extracting(t -> String.valueOf(((Map<String, Object>) t.getAdditionalProperties()
                .get("spec")).get("topicName"))).contains("mes.requests", "mes.appointments", "mes.interventions",
                "ref.delivery-points", "sge.requests", "sge.requests.rejected", "contract.amendments");
        List<GenericKubernetesResource> users = custom("KafkaUser");
        assertThat(users).extracting(u -> u.getMetadata().getName()).containsAll(SERVICES).contains("fourn-alpha",
                "fourn-beta");
        GenericKubernetesResource supplier = users.stream().filter(u -> u.getMetadata().getName().equals("fourn-alpha"))
                .findFirst().orElseThrow();
        String acls = String.valueOf(supplier.getAdditionalProperties().get("spec"));
        assertThat(acls).contains("supplier.FOURN-ALPHA.", "patternType=prefix").doesNotContain("Write");
        String mongo = String.valueOf(custom("MongoDBCommunity").get(0).getAdditionalProperties().get("spec"));
        assertThat(mongo).contains("SCRAM", "members=3", "passwordSecretRef");
    }

    /** Replicas never share a node (hard) and spread over zones where there are zones (best effort). */
    @Test
    void replicasSpreadOverNodesAndZones() {
        for (Deployment deployment : all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            var constraints = deployment.getSpec().getTemplate().getSpec().getTopologySpreadConstraints();
            assertThat(constraints).as(name).anySatisfy(c -> {
                assertThat(c.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
                assertThat(c.getWhenUnsatisfiable()).isEqualTo("DoNotSchedule");
                assertThat(c.getLabelSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", name);
            }).anySatisfy(c -> assertThat(c.getTopologyKey()).isEqualTo("topology.kubernetes.io/zone"));
        }
    }

    /**
     * The services speak SASL_SSL to Strimzi: each mounts the cluster CA Secret Strimzi writes and points the Kafka
     * client's truststore at it, its password taken from the same Secret.
     */
    @Test
    void everyServiceTrustsTheStrimziClusterCa() {
        for (Deployment deployment : all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            if (!SERVICES.contains(name)) {
                continue;
            }
            var pod = deployment.getSpec().getTemplate().getSpec();
            Container container = pod.getContainers().get(0);
            Map<String, io.fabric8.kubernetes.api.model.EnvVar> env = new java.util.HashMap<>();
            container.getEnv().forEach(e -> env.put(e.getName(), e));
            assertThat(env.get("SPRING_KAFKA_SSL_TRUST_STORE_LOCATION").getValue()).as(name)
                    .isEqualTo("file:/etc/kafka-cluster-ca/ca.p12");
            assertThat(env.get("SPRING_KAFKA_SSL_TRUST_STORE_TYPE").getValue()).isEqualTo("PKCS12");
            assertThat(env.get("SPRING_KAFKA_SSL_TRUST_STORE_PASSWORD").getValueFrom().getSecretKeyRef().getName())
                    .isEqualTo("mes-kafka-cluster-ca-cert");
            var mount = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/etc/kafka-cluster-ca"))
                    .findFirst().orElseThrow(() -> new AssertionError(name + " mounts no cluster CA"));
            assertThat(mount.getReadOnly()).isTrue();
            var volume = pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
            assertThat(volume.getSecret().getSecretName()).isEqualTo("mes-kafka-cluster-ca-cert");
            assertThat(volume.getSecret().getItems()).extracting(i -> i.getKey()).containsExactly("ca.p12");
        }
    }

    /**
     * Deny by default; each service may reach only Kafka's TLS listener, MongoDB, DNS and HTTPS (the identity
     * provider) — request-service scheduling-service too, for coupled booking — and supplier-files only the three
     * services whose files it delivers, each on its own port.
     */
    @Test
    void networkPoliciesLetEachServiceReachOnlyWhatItUses() {
        var policies = all(io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class);
        var deny = policies.stream().filter(p -> p.getMetadata().getName().equals("default-deny")).findFirst()
                .orElseThrow(() -> new AssertionError("no default-deny policy"));
        assertThat(deny.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
        assertThat(deny.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(deny.getSpec().getIngress()).isNullOrEmpty();
        assertThat(deny.getSpec().getEgress()).isNullOrEmpty();
        Map<String, Integer> ports = new java.util.HashMap<>();
        for (Service service : all(Service.class)) {
            service.getSpec().getPorts().stream().filter(p -> p.getName().equals("http"))
                    .forEach(p -> ports.put(service.getMetadata().getName(), p.getPort()));
        }
        for (Deployment deployment : all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            var policy = policies.stream().filter(p -> p.getMetadata().getName().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no NetworkPolicy for " + name));
            assertThat(policy.getSpec().getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", name);
            List<Integer> egressPorts = policy.getSpec().getEgress().stream().flatMap(e -> e.getPorts().stream())
                    .map(p -> p.getPort().getIntVal()).toList();
            if (SERVICES.contains(name)) {
                if (name.equals("request-service")) {
                    // coupled booking: request-service claims holds on scheduling-service, and only there
                    assertThat(egressPorts).as(name + " egress").containsExactlyInAnyOrder(9093, 27017, 443,
                            ports.get("scheduling-service"));
                    assertThat(policy.getSpec().getEgress()).filteredOn(e -> e.getPorts().stream()
                                    .anyMatch(p -> ports.get("scheduling-service").equals(p.getPort().getIntVal())))
                            .singleElement().satisfies(e -> assertThat(e.getTo()).singleElement().satisfies(peer ->
                                    assertThat(peer.getPodSelector().getMatchLabels())
                                            .containsEntry("app.kubernetes.io/name", "scheduling-service")));
                } else {
                    assertThat(egressPorts).as(name + " egress").containsExactlyInAnyOrder(9093, 27017, 443);
                }
                assertThat(policy.getSpec().getIngress()).flatExtracting(i -> i.getPorts())
                        .extracting(p -> p.getPort().getIntVal()).containsOnly(ports.get(name));
            } else {
                assertThat(policy.getSpec().getEgress()).as(name + " egress").allSatisfy(e -> assertThat(e.getTo())
                        .allSatisfy(peer -> assertThat(peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/name"))
                                .isIn("request-service", "billing-service", "contract-service")));
                assertThat(egressPorts).containsExactlyInAnyOrder(ports.get("request-service"),
                        ports.get("billing-service"), ports.get("contract-service"));
            }
        }
    }

    /** The simulation clock is for the local stack and the tests: no topic, grant or setting of it in production. */
    @Test
    void theSimulationClockStaysOutOfProduction() throws Exception {
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                String text = Files.readString(file);
                assertThat(text).as(file.toString()).doesNotContain(fr.grd.mes.events.Topics.SIMULATION_CLOCK)
                        .doesNotContainIgnoringCase("MES_CLOCK").doesNotContain("mes.clock");
            }
        }
    }

    /**
     * The Strimzi users are the platform's ACL plan ({@code KafkaAccess}), the same one Docker Compose applies and
     * the secure-broker test runs the services with; regenerate with {@code -Dk8s.users.write=true}.
     */
    @Test
    void kafkaUsersGrantExactlyThePlatformsAclPlan() throws Exception {
        Path file = K8S.resolve("base/kafka-users.yaml");
        String generated = strimziUsers(List.of("FOURN-ALPHA", "FOURN-BETA"));
        if (Boolean.getBoolean("k8s.users.write")) {
            Files.writeString(file, generated);
        }
        assertThat(Files.readString(file)).as("k8s/base/kafka-users.yaml is generated from KafkaAccess").isEqualTo(generated);
    }

    static String strimziUsers(List<String> suppliers) {
        StringBuilder yaml = new StringBuilder("# GENERATED from fr.grd.mes.events.KafkaAccess by KubernetesManifestsTest "
                + "(-Dk8s.users.write=true): one SCRAM user per service, the SGE portal and each supplier.\n");
        var byPrincipal = new java.util.LinkedHashMap<String, List<fr.grd.mes.events.KafkaAccess.Grant>>();
        fr.grd.mes.events.KafkaAccess.plan(suppliers).forEach(grant ->
                byPrincipal.computeIfAbsent(grant.principal(), p -> new ArrayList<>()).add(grant));
        byPrincipal.forEach((principal, grants) -> {
            yaml.append("---\napiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaUser\nmetadata:\n  name: ")
                    .append(principal.toLowerCase()).append("\n  namespace: kafka\n  labels: {strimzi.io/cluster: mes-kafka}\n")
                    .append("spec:\n  authentication: {type: scram-sha-512}\n  authorization:\n    type: simple\n    acls:\n");
            for (var grant : grants) {
                yaml.append("      - resource: {type: ").append(grant.resourceType().toLowerCase()).append(", name: \"")
                        .append(grant.name()).append("\", patternType: ")
                        .append(grant.pattern() == fr.grd.mes.events.KafkaAccess.Pattern.PREFIXED ? "prefix" : "literal")
                        .append("}\n        operations: [").append(String.join(", ", new java.util.TreeSet<>(grant.operations())
                                .stream().map(o -> o.charAt(0) + o.substring(1).toLowerCase()).toList())).append("]\n");
            }
        });
        return yaml.toString();
    }

    @Test
    void overlaysForDevAndProdBuildOnTheBase() throws Exception {
        for (String overlay : List.of("dev", "prod")) {
            String kustomization = Files.readString(K8S.resolve("overlays/" + overlay + "/kustomization.yaml"));
            assertThat(kustomization).contains("../../base");
            Map<String, Object> parsed = Serialization.unmarshal(kustomization, Map.class);
            assertThat(parsed).containsKey("resources");
        }
        String base = Files.readString(K8S.resolve("base/kustomization.yaml"));
        try (Stream<Path> files = Files.list(K8S.resolve("base"))) {
            files.map(f -> f.getFileName().toString()).filter(f -> !f.equals("kustomization.yaml"))
                    .forEach(f -> assertThat(base).as(f + " listed in the base").contains(f));
        }
        String all = String.join("\n", Files.readAllLines(K8S.resolve("base/configmap.yaml")));
        assertThat(all).doesNotContainIgnoringCase("password=").doesNotContain("BEGIN PRIVATE KEY");
    }
}
