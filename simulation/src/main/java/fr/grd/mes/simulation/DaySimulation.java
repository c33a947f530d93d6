package fr.grd.mes.simulation;

import fr.grd.mes.client.ContractApi;
import fr.grd.mes.client.PlatformClient;
import fr.grd.mes.client.Reply;
import fr.grd.mes.client.RequestApi;
import fr.grd.mes.support.time.BusinessCalendar;
import fr.grd.mes.support.time.ControllableClock;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A scripted day of operations on the running stack, driven only through the public HTTP APIs and the shared
 * clock: N requests of mixed kinds under capacity pressure, supplier escalations, capacity added by an operator,
 * the desk's calls (agreed, unreachable, declined), windows that close by themselves, technicians' outcomes
 * (some clients absent), and the next-day summary sheets. Prints what happened per branch of the chart and
 * what was billed. Deterministic for a given seed.
 */
public final class DaySimulation {
    private static final ZoneId PARIS = BusinessCalendar.PARIS;

    private final PlatformClient platform;
    private final ControllableClock clock;
    private final BusinessCalendar calendar = new BusinessCalendar();
    private final Random random;

    /** {@code platform} with the distributor's token; {@code clock} the one the running services read. */
    public DaySimulation(PlatformClient platform, ControllableClock clock, long seed) {
        this.platform = platform;
        this.clock = clock;
        this.random = new Random(seed);
    }

    private record SimCase(String caseId, String supplier, String version) {
    }

    /** What happened: cases per branch and closure, billing lines and amounts per code, summary sheets. */
    public record Result(Map<String, Integer> branches, Map<String, Integer> billedLines,
                         Map<String, BigDecimal> billedAmounts, long summarySheets) {
        public int cases(Predicate<String> branch) {
            return branches.entrySet().stream().filter(e -> branch.test(e.getKey())).mapToInt(Map.Entry::getValue).sum();
        }
    }

    public Result run(int requests) throws Exception {
        long startedNanos = System.nanoTime();
        String run = Long.toString(System.currentTimeMillis() % 100_000);
        String zone = "SIM-" + run;
        LocalDate today = LocalDate.now(clock.withZone(PARIS));
        LocalDate day1 = calendar.addBusinessDays(today, 1);
        LocalDate day2 = calendar.addBusinessDays(today, 2);
        // capacity pressure: the first two business days hold about a quarter of the requests
        int tight = Math.max(1, requests / 16);
        platform.scheduling().setCapacity(zone, day1, tight, tight).orThrow();
        platform.scheduling().setCapacity(zone, day2, tight, tight).orThrow();
        for (int i = 3; i <= 12; i++) {
            int places = Math.max(2, requests / 8);
            platform.scheduling().setCapacity(zone, calendar.addBusinessDays(today, i), places, places).orThrow();
        }

        List<SimCase> cases = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            String pdl = String.format("096%06d%05d", Long.parseLong(run), i);
            platform.contracts().putDeliveryPoint(pdl, new ContractApi.DeliveryPoint(i + " rue de la Simulation",
                    "75011", "Paris", "75111", zone, random.nextBoolean() ? "COUP" : "LIMI", "LINKY")).orThrow();
        }
        for (int i = 0; i < requests; i++) {
            String pdl = String.format("096%06d%05d", Long.parseLong(run), i);
            String supplier = i % 2 == 0 ? "FOURN-ALPHA" : "FOURN-BETA";
            String version = random.nextInt(100) < 60 ? "EXPRESS" : "STANDARD";
            LocalDate date = random.nextBoolean() ? day1 : day2;
            String slot = random.nextBoolean() ? "AM" : "PM";
            JsonNode created = submitWhenKnown(new RequestApi.MiseEnService(pdl, supplier, version,
                    new RequestApi.Client("Client " + i, "+33 6 00 00 " + String.format("%02d %02d", i / 100 % 100, i % 100)),
                    new RequestApi.Slot(date, slot), random.nextInt(10) == 0 ? List.of("RELEVE-SPE") : List.of(),
                    "SIM-" + run + "-" + i, null));
            cases.add(new SimCase(created.get("caseId").asString(), supplier, version));
        }
        Map<String, JsonNode> state = awaitAll(cases, c -> !c.get("appointment").isNull());

        // the suppliers call the "Acheminement" line for 80 % of the conservatory appointments
        for (SimCase c : cases) {
            JsonNode view = state.get(c.caseId());
            if ("CONSERVATORY".equals(view.get("appointment").get("kind").asString()) && random.nextInt(100) < 80) {
                platform.requests().escalate(c.caseId(), c.caseId(), c.supplier());
            }
        }
        // an operator adds technicians on the first day: the desk finds places and proposes them
        platform.scheduling().setCapacity(zone, day1, tight + requests / 20, tight + requests / 20).orThrow();
        awaitUntil("the desk's proposals", Duration.ofSeconds(30), () -> !proposals().isEmpty());
        int previous = -1;
        while (true) {
            List<JsonNode> queue = proposals();
            if (queue.size() == previous) {
                break;
            }
            previous = queue.size();
            Thread.sleep(500);
        }
        for (JsonNode proposal : proposals()) {
            int roll = random.nextInt(100);
            boolean reachable = roll < 80;
            boolean agreed = roll < 70;
            platform.scheduling().clientCall(proposal.get("appointmentId").asString(), reachable, agreed);
        }
        // one business day later the remaining windows close by themselves
        clock.advanceTo(calendar.addBusinessDays(today, 1).atTime(23, 30).atZone(PARIS).toInstant());
        awaitAll(cases, c -> c.get("express").get("escalatedAt").isNull()
                || milestones(c).contains("RDVA") || milestones(c).contains("RDVM"));

        // the technicians' days: 90 % of clients present
        state = awaitAll(cases, c -> !c.get("appointment").isNull());
        TreeMap<LocalDate, List<SimCase>> byDate = new TreeMap<>();
        for (SimCase c : cases) {
            byDate.computeIfAbsent(LocalDate.parse(state.get(c.caseId()).get("appointment").get("date").asString()),
                    d -> new ArrayList<>()).add(c);
        }
        for (Map.Entry<LocalDate, List<SimCase>> day : byDate.entrySet()) {
            clock.advanceTo(day.getKey().atTime(9, 0).atZone(PARIS).toInstant());
            for (SimCase c : day.getValue()) {
                String appointmentId = state.get(c.caseId()).get("appointment").get("id").asString();
                boolean present = random.nextInt(100) < 90;
                (present ? platform.scheduling().completed(appointmentId, 10_000 + random.nextInt(90_000))
                        : platform.scheduling().clientAbsent(appointmentId)).orThrow();
            }
        }
        clock.advanceTo(byDate.lastKey().plusDays(1).atTime(9, 0).atZone(PARIS).toInstant());
        state = awaitAll(cases, c -> "TERMN".equals(c.get("status").asString()));
        Map<String, JsonNode> closed = state;
        awaitUntil("summary sheets", Duration.ofSeconds(30), () -> cases.stream().map(c -> closed.get(c.caseId()))
                .filter(v -> "GRANTED".equals(v.get("express").get("decision").asString())
                        && "CPRE".equals(v.get("closureCode").asString()))
                .allMatch(v -> !view(v.get("caseId").asString()).get("express").get("summarySheetIssuedAt").isNull()));

        Map<String, Integer> branches = new TreeMap<>();
        for (SimCase c : cases) {
            JsonNode v = view(c.caseId());
            String branch = branchOf(c, v);
            branches.merge(branch + " / " + v.get("closureCode").asString(), 1, Integer::sum);
        }
        Map<String, BigDecimal> billed = new TreeMap<>();
        Map<String, Integer> billedCount = new TreeMap<>();
        for (String supplier : List.of("FOURN-ALPHA", "FOURN-BETA")) {
            for (JsonNode line : platform.billing().billingLines(supplier)) {
                if (!line.get("externalReference").asString("").startsWith("SIM-" + run + "-")) {
                    continue;
                }
                String code = line.get("prestationCode").asString();
                billed.merge(code, new BigDecimal(line.get("amountExclTax").asString()), BigDecimal::add);
                billedCount.merge(code, 1, Integer::sum);
            }
        }
        long summaries = cases.stream().filter(c -> !view(c.caseId()).get("express").get("summarySheetIssuedAt")
                .isNull()).count();
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        System.out.printf("%n==== Simulated day: %d requests in zone %s, %.1f s of real time, clock now %s ====%n",
                requests, zone, seconds, clock.instant());
        System.out.println("Branch of the decision chart / closure: cases");
        branches.forEach((branch, count) -> System.out.printf("  %-62s %5d%n", branch, count));
        System.out.println("Billed (HT) by prestation code: lines, amount");
        billed.forEach((code, amount) -> System.out.printf("  %-8s %5d  %12s EUR%n", code, billedCount.get(code),
                amount.toPlainString()));
        System.out.printf("Summary sheets issued the day after an advanced intervention: %d%n", summaries);
        return new Result(branches, billedCount, billed, summaries);
    }

    /** The branch of the decision chart the case followed, as scheduling decided it and the case shows it. */
    private static String branchOf(SimCase c, JsonNode v) {
        String branch = v.path("branch").asString("");
        if ("STANDARD".equals(c.version()) && "OPTION_1".equals(branch)) {
            return "standard";
        }
        return switch (branch) {
            case "OPTION_1" -> "1. rendez-vous disponible sous 2 jours ouvrés";
            case "OPTION_2_NOT_ESCALATED" -> "2. conservatoire, ligne Acheminement non appelée";
            case "OPTION_2_1_1_ADVANCED" -> "2.1.1 rendez-vous avancé (client joignable)";
            case "OPTION_2_1_2_CLIENT_UNREACHABLE" -> "2.1.2 client non joignable, rendez-vous maintenu";
            case "OPTION_2_1_2_CLIENT_DECLINED" -> "2.1 client joignable mais refuse, rendez-vous maintenu";
            case "OPTION_2_2_NOT_ADVANCED" -> "2.2 rendez-vous non avancé (fenêtre close)";
            default -> "non planifiée";
        };
    }

    private static List<String> milestones(JsonNode v) {
        List<String> codes = new ArrayList<>();
        v.get("milestones").forEach(m -> codes.add(m.get("code").asString()));
        return codes;
    }

    private JsonNode submitWhenKnown(RequestApi.MiseEnService request) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            Reply reply = platform.requests().submit(request);
            if (reply.status() == 201) {
                return reply.body();
            }
            if (Instant.now().isAfter(deadline) || !reply.raw().contains("unknown delivery point")) {
                throw new IllegalStateException("request refused: " + reply.problem());
            }
            Thread.sleep(100);
        }
    }

    private List<JsonNode> proposals() throws Exception {
        List<JsonNode> result = new ArrayList<>();
        platform.scheduling().advancements("PROPOSED").forEach(result::add);
        return result;
    }

    private Map<String, JsonNode> awaitAll(List<SimCase> cases, Predicate<JsonNode> condition) throws Exception {
        Map<String, JsonNode> views = new LinkedHashMap<>();
        Instant deadline = Instant.now().plusSeconds(120);
        for (SimCase c : cases) {
            while (true) {
                JsonNode v = view(c.caseId());
                if (condition.test(v)) {
                    views.put(c.caseId(), v);
                    break;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("case " + c.caseId() + " did not get there: " + v);
                }
                Thread.sleep(50);
            }
        }
        return views;
    }

    private void awaitUntil(String what, Duration timeout, java.util.concurrent.Callable<Boolean> condition)
            throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.call()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    private JsonNode view(String caseId) {
        return platform.requests().caseView(caseId);
    }
}
