package fr.grd.mes.localstack;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the embedded store loses when its process is killed with {@code kill -9} right after acknowledged writes,
 * and what not losing it costs: for the stock H2 backend and {@link DurableH2Backend}, each as a process of its
 * own, it measures single acknowledged inserts per second and store CPU per insert (after a warm-up), then runs
 * kill trials — 4 writers insert and update as fast as they are acknowledged, the store is SIGKILLed the moment
 * a chosen acknowledgement arrives, started again on the same file — and counts the acknowledged writes missing.
 * {@code ./mvnw -q -pl local-stack exec:java -Dexec.mainClass=fr.grd.mes.localstack.StoreDurability} (or the
 * README's command); arguments: trials (5), measured inserts (5000).
 */
public final class StoreDurability {
    private StoreDurability() {
    }

    public record Trial(long acknowledged, long lost, long updatesAcknowledged, long updatesLost) {
    }

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int inserts = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        Path dir = Files.createTempDirectory("store-durability");
        System.out.printf("%-8s %12s %16s %28s%n", "backend", "inserts/s", "store CPU/insert", "kill -9 trials: acked → lost");
        for (boolean durable : new boolean[]{false, true}) {
            String name = durable ? "durable" : "stock";
            double[] speed = throughput(dir.resolve(name + "-speed.mv"), durable, inserts);
            StringBuilder results = new StringBuilder();
            for (int t = 0; t < trials; t++) {
                Trial trial = killTrial(dir.resolve(name + "-kill-" + t + ".mv"), durable, 300 + 400 * t);
                results.append(String.format(" %d→%d, updates %d→%d;", trial.acknowledged(), trial.lost(),
                        trial.updatesAcknowledged(), trial.updatesLost()));
            }
            System.out.printf("%-8s %12.0f %13.0f µs %s%n", name, speed[0], speed[1], results);
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static MongoClient client(StoreProcess store) {
        return MongoClients.create(store.uri() + "/?serverSelectionTimeoutMS=2000&connectTimeoutMS=1000&socketTimeoutMS=5000");
    }

    /** Acknowledged single inserts per second and the store's CPU microseconds per insert, after a warm-up. */
    static double[] throughput(Path file, boolean durable, int inserts) throws Exception {
        try (StoreProcess store = new StoreProcess(file, freePort(), durable).start(Duration.ofSeconds(30));
             MongoClient client = client(store)) {
            MongoCollection<Document> docs = client.getDatabase("bench").getCollection("docs")
                    .withWriteConcern(WriteConcern.W1);
            for (int i = 0; i < 3000; i++) {
                docs.insertOne(new Document("_id", "warm-" + i).append("payload", "x".repeat(400)));
            }
            Duration cpu0 = store.cpuTime();
            long t0 = System.nanoTime();
            for (int i = 0; i < inserts; i++) {
                docs.insertOne(new Document("_id", "doc-" + i).append("payload", "x".repeat(400)));
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuMicros = (store.cpuTime().minus(cpu0).toNanos() / 1e3) / inserts;
            return new double[]{inserts / seconds, cpuMicros};
        }
    }

    /**
     * Four writers insert new documents and bump a counter document, each write acknowledged; when the
     * {@code killAfter}-th acknowledgement arrives the store is killed at once. After a restart on the same
     * file, counts acknowledged inserts missing and counter increments lost.
     */
    public static Trial killTrial(Path file, boolean durable, int killAfter) throws Exception {
        int port = freePort();
        StoreProcess store = new StoreProcess(file, port, durable).start(Duration.ofSeconds(30));
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicLong counterAcked = new AtomicLong();
        AtomicLong acks = new AtomicLong();
        AtomicBoolean killed = new AtomicBoolean();
        CountDownLatch dead = new CountDownLatch(1);
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try (MongoClient client = client(store)) {
            MongoCollection<Document> docs = client.getDatabase("trial").getCollection("docs")
                    .withWriteConcern(WriteConcern.W1);
            MongoCollection<Document> counters = client.getDatabase("trial").getCollection("counters")
                    .withWriteConcern(WriteConcern.W1);
            counters.insertOne(new Document("_id", "c").append("n", 0L));
            for (int w = 0; w < 4; w++) {
                int writer = w;
                writers.submit(() -> {
                    for (int i = 0; !killed.get(); i++) {
                        try {
                            if (i % 2 == 0) {
                                String id = "w" + writer + "-" + i;
                                docs.insertOne(new Document("_id", id).append("payload", "y".repeat(300)));
                                acknowledged.add(id);
                            } else {
                                counters.updateOne(new Document("_id", "c"), new Document("$inc", new Document("n", 1L)));
                                counterAcked.incrementAndGet();
                            }
                            if (acks.incrementAndGet() == killAfter && killed.compareAndSet(false, true)) {
                                store.kill();
                                dead.countDown();
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        } catch (RuntimeException afterKill) {
                            return;
                        }
                    }
                });
            }
            dead.await();
        }
        writers.shutdownNow();
        writers.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        try (StoreProcess again = new StoreProcess(file, port, durable).start(Duration.ofSeconds(30));
             MongoClient client = client(again)) {
            Set<String> present = ConcurrentHashMap.newKeySet();
            client.getDatabase("trial").getCollection("docs").find().projection(new Document("_id", 1))
                    .forEach(d -> present.add(d.getString("_id")));
            long lost = acknowledged.stream().filter(id -> !present.contains(id)).count();
            Document counter = client.getDatabase("trial").getCollection("counters").find(new Document("_id", "c"))
                    .first();
            long counted = counter == null ? 0 : counter.getLong("n");
            return new Trial(acknowledged.size(), lost, counterAcked.get(), Math.max(0, counterAcked.get() - counted));
        }
    }
}
