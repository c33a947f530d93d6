package fr.grd.mes.tools.faultrun;

import fr.grd.mes.client.HttpTransport;
import fr.grd.mes.client.Json;
import fr.grd.mes.client.PlatformClient;
import fr.grd.mes.client.PlatformService;
import fr.grd.mes.client.Reply;
import fr.grd.mes.client.RequestApi.Client;
import fr.grd.mes.client.RequestApi.MiseEnService;
import fr.grd.mes.client.RequestApi.Slot;
import fr.grd.mes.client.ContractApi.DeliveryPoint;
import fr.grd.mes.events.Topics;
import fr.grd.mes.localstack.DevJwt;
import fr.grd.mes.localstack.KafkaBrokerProcess;
import fr.grd.mes.localstack.LocalStack;
import fr.grd.mes.localstack.ServiceProcess;
import fr.grd.mes.localstack.ServiceStack;
import fr.grd.mes.localstack.ServiceStack.Service;
import fr.grd.mes.localstack.StoreProcess;
import fr.grd.mes.localstack.TopicReader;
import fr.grd.mes.support.time.BusinessCalendar;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The fault run: N cases (standard and express) through the four services running as separate processes while
 * each service is killed with SIGKILL once and restarted, the store (its own process, on an H2 file) is killed with
 * SIGKILL once and started again on its file, and the Kafka broker is restarted once. Clients retry
 * as real ones do (the portal with its request id, so a retry never makes a second case). Afterwards every case
 * must be closed, billed exactly once, in the perimeter exactly once, and every supplier record must exist on its
 * topic exactly once by event id. Prints the figures. {@code ./fault-run.sh 10000} is the full run.
 */
public final class FaultRun {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String SUPPLIER = "FOURN-FAULT";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Result(int cases, int kills, int restarts, int closed, int billed, long lostCases,
                         long missingBillingRecords, long duplicatedBillingLines, long missingContractualRecords,
                         long duplicateDeliveries, Duration timeToRecover, Duration total) {
    }

    private final Map<Service, ServiceProcess> services = new EnumMap<>(Service.class);
    private String token;
    /** The platform's API on whichever port each service process has now, with the distributor's token. */
    private final PlatformClient platform = new PlatformClient(s -> services.get(Service.valueOf(s.name())).url(),
            () -> token, new HttpTransport(Duration.ofSeconds(2), Duration.ofSeconds(10)));

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Result result = new FaultRun().run(cases, Files.createTempDirectory("mes-fault-run"));
        System.exit(result.lostCases() == 0 && result.duplicatedBillingLines() == 0
                && result.missingBillingRecords() == 0 && result.missingContractualRecords() == 0 ? 0 : 1);
    }

    public Result run(int n, Path dir) throws Exception {
        Instant started = Instant.now();
        KafkaBrokerProcess broker = new KafkaBrokerProcess(dir.resolve("kafka"), freePort(), freePort())
                .start(Duration.ofSeconds(90));
        store = new StoreProcess(dir.resolve("store").resolve("mongo.mv"), freePort(), true)
                .start(Duration.ofSeconds(60));
        int kills = 0;
        int restarts = 0;
        try {
            LocalStack.createTopics(broker.bootstrap(), List.of(SUPPLIER), Topics.SIMULATION_CLOCK);
            DevJwt issuer = DevJwt.loadOrCreate(dir.resolve("jwt"));
            token = issuer.distributorToken();
            Instant start = LocalDate.now(PARIS).atTime(8, 0).atZone(PARIS).toInstant();
            List<String> common = List.of("--spring.kafka.bootstrap-servers=" + broker.bootstrap(),
                    "--spring.mongodb.uri=" + store.uri(), "--spring.profiles.include=" + ServiceStack.EMBEDDED_STORE,
                    issuer.serviceArgument(),
                    "--mes.clock.mode=simulation", "--mes.clock.start=" + start, "--mes.clock.speed=1",
                    "--mes.scheduler.period=PT0.5S", "--mes.outbox.poll-millis=100",
                    "--mes.limits.distributor-requests-per-second=100000", "--logging.level.root=WARN",
                    // a SIGKILLed consumer is noticed by its group after 6 s instead of Kafka's default 45 s: the
                    // partitions it held wait that long for the restarted instance (the broker's minimum is 6 s)
                    "--spring.kafka.consumer.properties.session.timeout.ms=6000",
                    "--spring.kafka.consumer.properties.heartbeat.interval.ms=1500");
            for (Service service : Service.values()) {
                services.put(service, new ServiceProcess(service, freePort(), common,
                        dir.resolve(service.serviceName() + ".log")).start());
            }
            for (ServiceProcess process : services.values()) {
                process.awaitReady(Duration.ofMinutes(3));
            }
            phase(started, "broker, store and the four services ready");
            BusinessCalendar calendar = new BusinessCalendar();
            List<LocalDate> days = new ArrayList<>();
            for (int d = 0; d < Math.max(1, (n + 799) / 800); d++) {
                days.add(calendar.addBusinessDays(LocalDate.ofInstant(start, PARIS), 3 + d));
                LocalDate capacityDay = days.get(d);
                call(() -> platform.scheduling().setCapacity("ZONE-FAULT", capacityDay, 400, 400), "the capacity");
            }
            LocalDate day = days.get(days.size() - 1);
            List<String> pdls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String pdl = String.format("097%011d", i);
                pdls.add(pdl);
                DeliveryPoint point = new DeliveryPoint(i + " rue des Pannes", "75011", "Paris", "75111", "ZONE-FAULT",
                        i % 2 == 0 ? "COUP" : "LIMI", "LINKY");
                call(() -> platform.contracts().putDeliveryPoint(pdl, point), "delivery point " + pdl);
            }

            // requests, with scheduling-service then request-service killed on the way
            Map<String, String> caseOfPdl = new HashMap<>();
            List<Runnable> faults = new ArrayList<>(List.of(() -> restart(Service.SCHEDULING),
                    () -> restart(Service.REQUEST)));
            AtomicInteger done = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<String[]>> submitted = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                submitted.add(pool.submit(() -> {
                    // the portal's retry carries the same request id: never a second case
                    MiseEnService request = new MiseEnService(pdls.get(index), SUPPLIER,
                            index % 3 == 0 ? "EXPRESS" : "STANDARD", new Client("Client " + index, "+33 6 00 00 00 00"),
                            new Slot(days.get(index % days.size()), (index / days.size()) % 2 == 0 ? "AM" : "PM"),
                            List.of(), "FAULT-" + index, "FAULT-" + index);
                    JsonNode created = call(() -> platform.requests().submit(request), "request " + index);
                    done.incrementAndGet();
                    return new String[]{pdls.get(index), created.get("caseId").asString()};
                }));
            }
            kills += injectWhileWaiting(faults, done, n);
            restarts += 2;
            phase(started, "requests sent, scheduling-service and request-service killed and restarted");
            for (Future<String[]> future : submitted) {
                String[] pair = future.get();
                caseOfPdl.put(pair[0], pair[1]);
            }
            // every appointment booked before the broker restart and the outcomes (waited for while it progresses)
            var client = com.mongodb.client.MongoClients.create(store.uri());
            var booked = client.getDatabase("mes_scheduling").getCollection("appointments");
            awaitWhileProgressing(() -> booked.countDocuments(com.mongodb.client.model.Filters.eq("status", "BOOKED")),
                    bookedNow -> bookedNow >= n, bookedNow -> System.out.printf("  booking: %d of %d appointments booked%n",
                            bookedNow, n));

            phase(started, "every appointment booked");
            broker.close();
            broker.start(Duration.ofSeconds(90));
            restarts++;
            phase(started, "broker restarted");

            Instant outcomeTime = day.atTime(10, 0).atZone(PARIS).toInstant();
            call(() -> platform.clock().advance(PlatformService.REQUEST, outcomeTime), "the clock advance");
            // the advance reaches the other processes through the sim.clock topic: wait until every service has it,
            // or scheduling would refuse the first outcomes as "before the appointment date"
            for (Service service : Service.values()) {
                Instant clockDeadline = Instant.now().plus(Duration.ofMinutes(2));
                while (true) {
                    JsonNode clockNow = tryCall(() -> platform.clock().now(PlatformService.valueOf(service.name())),
                            "the clock of " + service);
                    if (clockNow != null && !Instant.parse(clockNow.get("instant").asString()).isBefore(outcomeTime)) {
                        break;
                    }
                    if (Instant.now().isAfter(clockDeadline)) {
                        throw new IllegalStateException(service + " did not receive the clock advance");
                    }
                    Thread.sleep(100);
                }
            }
            List<Runnable> outcomeFaults = new ArrayList<>(List.of(() -> restart(Service.BILLING),
                    this::restartStore, () -> restart(Service.CONTRACT)));
            AtomicInteger outcomes = new AtomicInteger();
            List<Future<?>> recorded = new ArrayList<>();
            for (String caseId : caseOfPdl.values()) {
                recorded.add(pool.submit(() -> {
                    callIgnoringConflict(() -> platform.scheduling().completed(caseId + "-R1", 1000),
                            "the outcome of " + caseId);
                    outcomes.incrementAndGet();
                    return null;
                }));
            }
            kills += injectWhileWaiting(outcomeFaults, outcomes, n);
            restarts += outcomeFaults.size();
            for (Future<?> future : recorded) {
                future.get();
            }
            pool.shutdown();
            Instant faultsOver = Instant.now();
            phase(started, "outcomes recorded, billing-service, the store and contract-service killed and restarted");

            // Wait until every case is closed, billed and in the perimeter, and the supplier flows hold every record;
            // a slow pipeline is waited for as long as it progresses, a stuck one (no progress for 3 minutes) is what
            // "lost" counts.
            var cases = client.getDatabase("mes_request").getCollection("cases");
            var bills = client.getDatabase("mes_billing").getCollection("bills");
            var points = client.getDatabase("mes_contract").getCollection("delivery_points");
            long[] counts = new long[3];
            Instant[] reportedAt = {Instant.now()};
            Instant progressedAt = awaitWhileProgressing(() -> {
                counts[0] = cases.countDocuments(com.mongodb.client.model.Filters.eq("status", "TERMN"));
                counts[1] = bills.countDocuments();
                counts[2] = points.countDocuments(com.mongodb.client.model.Filters.size("perimeter", 1));
                return counts[0] + counts[1] + counts[2];
            }, progress -> counts[0] >= n && counts[1] >= n && counts[2] >= n
                    && eventIdsByKey(broker.bootstrap(), Topics.billing(SUPPLIER)).size() >= n
                    && eventIdsByKey(broker.bootstrap(), Topics.contractual(SUPPLIER)).size() >= n, progress -> {
                if (Duration.between(reportedAt[0], Instant.now()).toSeconds() >= 30) {
                    reportedAt[0] = Instant.now();
                    System.out.printf("  settling: closed %d, billed %d, in perimeter %d of %d (%.0f s after the last fault)%n",
                            counts[0], counts[1], counts[2], n, Duration.between(faultsOver, Instant.now()).toMillis() / 1000.0);
                }
            });
            phase(started, "every case closed, billed, in the perimeter and on the supplier flows");
            int closed = (int) counts[0];
            duplicateDeliveries = 0;
            Duration recover = Duration.between(faultsOver, closed >= n ? Instant.now() : progressedAt);
            long billed = bills.countDocuments();
            long billedLines = 0;
            for (org.bson.Document bill : bills.find()) {
                billedLines += bill.getList("lines", org.bson.Document.class).size();
            }
            Map<String, Set<String>> billingIds = eventIdsByKey(broker.bootstrap(), Topics.billing(SUPPLIER));
            Map<String, Set<String>> contractualIds = eventIdsByKey(broker.bootstrap(), Topics.contractual(SUPPLIER));
            long missingBilling = caseOfPdl.values().stream().filter(c -> billingIds.getOrDefault(c, Set.of()).size() != 1).count();
            long missingContractual = caseOfPdl.keySet().stream()
                    .filter(p -> contractualIds.getOrDefault(p, Set.of()).size() != 1).count();
            Result result = new Result(n, kills, restarts, closed, (int) billed, n - closed, missingBilling,
                    billedLines - n, missingContractual, duplicateDeliveries, recover, Duration.between(started, Instant.now()));
            System.out.printf("%n==== Fault run ====%n  cases %d, SIGKILLs %d, restarts %d (incl. the broker)%n"
                            + "  closed %d, lost %d, bills %d, billing lines duplicated %d%n"
                            + "  supplier billing records missing or not exactly once by id: %d; contractual: %d%n"
                            + "  outcome calls refused with 409 (already recorded on a retry, or not booked yet): %d%n"
                            + "  duplicate deliveries (same event id twice, absorbed by consumers): %d%n"
                            + "  time to recover after the last fault: %.1f s, whole run %.1f s%n",
                    n, kills, restarts, closed, n - closed, billed, billedLines - n, missingBilling, missingContractual,
                    refusedOutcomes.get(), duplicateDeliveries, recover.toMillis() / 1000.0, result.total().toMillis() / 1000.0);
            refusalReasons.forEach((reason, count) -> System.out.printf("    409 ×%d: %s%n", count, reason));
            client.close();
            return result;
        } finally {
            for (ServiceProcess process : services.values()) {
                process.stop();
            }
            broker.close();
            store.close();
        }
    }

    private long duplicateDeliveries;

    /** How long the run took to reach each phase (where the time of a fault run goes). */
    private static void phase(Instant started, String what) {
        System.out.printf("  [%6.1f s] %s%n", Duration.between(started, Instant.now()).toMillis() / 1000.0, what);
    }

    private int injectWhileWaiting(List<Runnable> faults, AtomicInteger progress, int n) throws InterruptedException {
        int injected = 0;
        for (int f = 0; f < faults.size(); f++) {
            int threshold = (f + 1) * n / (faults.size() + 1);
            while (progress.get() < threshold) {
                Thread.sleep(20);
            }
            faults.get(f).run();
            injected++;
        }
        return injected;
    }

    private StoreProcess store;

    /** kill -9 of the store process, started again on the same file (what it acknowledged must still be there). */
    private void restartStore() {
        try {
            store.kill();
            store.start(Duration.ofSeconds(60));
        } catch (Exception e) {
            throw new IllegalStateException("restarting the store failed", e);
        }
    }

    private void restart(Service service) {
        try {
            ServiceProcess process = services.get(service);
            process.kill();
            process.start();
            process.awaitReady(Duration.ofMinutes(3));
        } catch (Exception e) {
            throw new IllegalStateException("restarting " + service + " failed", e);
        }
    }

    private Map<String, Set<String>> eventIdsByKey(String bootstrap, String topic) {
        Map<String, Set<String>> ids = new HashMap<>();
        for (ConsumerRecord<String, String> record : TopicReader.readAll(bootstrap, topic)) {
            JsonNode envelope = JSON.readTree(record.value());
            if (!ids.computeIfAbsent(record.key(), k -> new HashSet<>()).add(envelope.get("eventId").asString())) {
                duplicateDeliveries++;
            }
        }
        return ids;
    }

    /** Calls until the answer is a 2xx (a service down or not ready is waited for, 3 minutes at most). */
    private JsonNode call(Supplier<Reply> operation, String what) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (true) {
            JsonNode result = tryCall(operation, what);
            if (result != null) {
                return result;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(what + " kept failing");
            }
            sleep();
        }
    }

    /** Outcomes scheduling refused (409: already recorded after a retry, or the appointment not booked yet). */
    private final AtomicInteger refusedOutcomes = new AtomicInteger();
    private final Map<String, Integer> refusalReasons = new java.util.concurrent.ConcurrentHashMap<>();

    private void callIgnoringConflict(Supplier<Reply> operation, String what) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            try {
                Reply reply = operation.get();
                if (reply.ok() || reply.status() == 409) {
                    if (reply.status() == 409) {
                        refusedOutcomes.incrementAndGet();
                        String detail = String.valueOf(reply.problem().detail()).replaceAll("\\b[0-9A-Z]{8}\\b", "<case>");
                        refusalReasons.merge(detail, 1, Integer::sum);
                    }
                    return;
                }
            } catch (UncheckedIOException retry) {
                // the service is down: try again
            }
            sleep();
        }
        throw new IllegalStateException(what + " kept failing");
    }

    /**
     * The answer's JSON (an empty object for an empty 2xx), or null when the service is down, not ready, or the
     * request could not be served yet; any other refusal is thrown.
     */
    private JsonNode tryCall(Supplier<Reply> operation, String what) {
        try {
            Reply reply = operation.get();
            if (reply.ok()) {
                return reply.body() != null ? reply.body() : Json.MAPPER.createObjectNode();
            }
            int status = reply.status();
            if (status == 400 && reply.raw().contains("unknown delivery point")) {
                return null;
            }
            if (status >= 400 && status < 500 && status != 404 && status != 429) {
                throw new IllegalStateException(what + " → " + reply.problem());
            }
            return null;
        } catch (UncheckedIOException down) {
            return null;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Polls {@code progress} until {@code done} holds for it, for as long as it keeps changing: a slow pipeline is
     * waited for, a stuck one (no change for 3 minutes) is given up on. Returns when the progress last changed.
     */
    private static Instant awaitWhileProgressing(java.util.function.LongSupplier progress,
                                                 java.util.function.LongPredicate done,
                                                 java.util.function.LongConsumer onChange) throws InterruptedException {
        long last = -1;
        Instant changedAt = Instant.now();
        while (true) {
            long now = progress.getAsLong();
            if (done.test(now)) {
                return changedAt;
            }
            if (now != last) {
                last = now;
                changedAt = Instant.now();
                onChange.accept(now);
            } else if (Duration.between(changedAt, Instant.now()).compareTo(Duration.ofMinutes(3)) > 0) {
                return changedAt;
            }
            Thread.sleep(1_000);
        }
    }


    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
