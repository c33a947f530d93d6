package fr.grd.mes.support.batch;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.grd.mes.support.aggregate.AggregateRoot;
import fr.grd.mes.support.mongo.AggregateStore;
import fr.grd.mes.support.mongo.MongoAggregateRepository;
import fr.grd.mes.support.outbox.OutboxRelay;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A poll's records applied to aggregates on the MongoDB-wire store (the driver's own command events counted): one
 * read per aggregate and one bulk write per collection for the batch; a batch of one written at once; a batch
 * that meets another writer's change (a version moved, an id inserted meanwhile) applied again one by one, each
 * record once; a record that fails on its own named by its index with the records before it stored.
 */
class RecordBatchesIT {
    private static final String COLLECTION = "tallies";
    private static MongoServer server;
    private static MongoClient client;
    private static final List<String> COMMANDS = new CopyOnWriteArrayList<>();
    private MongoTemplate mongo;
    private MongoAggregateRepository<Tally> tallies;
    private RecordBatches batches;

    /** A test aggregate: the marks of the records applied to it, in order. */
    public static class Tally extends AggregateRoot {
        private String id;
        private List<String> marks = new ArrayList<>();

        public Tally() {
        }

        Tally(String id) {
            this.id = id;
        }

        @Override
        public String getId() {
            return id;
        }

        public List<String> getMarks() {
            return marks;
        }
    }

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                COMMANDS.add(event.getCommandName());
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://localhost:" + server.bind().getPort()))
                .addCommandListener(listener).build());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void freshDatabase() {
        mongo = new MongoTemplate(client, "batches-" + System.nanoTime());
        // never started: the hints it gets are not sent anywhere here
        OutboxRelay relay = new OutboxRelay(mongo, null, null,
                new OutboxRelay.Settings(List.of(COLLECTION), 20L, 3_600_000L), List.of());
        AggregateStore store = new AggregateStore(mongo, relay, false);
        tallies = new MongoAggregateRepository<>(store, Tally.class, COLLECTION);
        batches = new RecordBatches(store);
    }

    private static ConsumerRecord<String, String> record(String value) {
        return new ConsumerRecord<>("tallies.test", 0, 0, null, value);
    }

    /** A record "id:mark" marks the tally, once (the tally's inbox holds the mark's event id). */
    private void applyMark(String value) {
        String[] parts = value.split(":");
        if (parts.length != 2) {
            throw new IllegalArgumentException("not a mark: " + value);
        }
        UUID eventId = UUID.nameUUIDFromBytes(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        tallies.retrying(() -> {
            Tally tally = tallies.find(parts[0]).orElse(null);
            boolean fresh = tally == null;
            if (fresh) {
                tally = new Tally(parts[0]);
            } else if (tally.hasApplied(eventId)) {
                return tally;
            }
            tally.markApplied(eventId);
            tally.marks.add(parts[1]);
            return fresh ? tallies.insert(tally) : tallies.update(tally);
        });
    }

    private void apply(Consumer<ConsumerRecord<String, String>> handler, String... values) {
        batches.apply(java.util.Arrays.stream(values).map(RecordBatchesIT::record).toList(), handler);
    }

    private List<String> marksOf(String id) {
        return mongo.findById(id, Tally.class, COLLECTION).getMarks();
    }

    private void stored(String id, String... marks) {
        Tally tally = new Tally(id);
        tally.getMarks().addAll(List.of(marks));
        tallies.insert(tally);
    }

    @Test
    void aBatchReadsEachAggregateOnceAndWritesEachCollectionWithOneBulk() {
        stored("T-2", "m0");
        COMMANDS.clear();
        apply(r -> applyMark(r.value()), "T-1:a", "T-2:a", "T-1:b", "T-2:b", "T-2:c");
        assertThat(COMMANDS).as("a read of each aggregate, then one bulk: its inserts and its replaces")
                .containsExactly("find", "find", "insert", "update");
        assertThat(marksOf("T-1")).containsExactly("a", "b");
        assertThat(marksOf("T-2")).containsExactly("m0", "a", "b", "c");
        COMMANDS.clear();
        apply(r -> applyMark(r.value()), "T-1:a", "T-2:c");
        assertThat(COMMANDS).as("records already applied: read, nothing written").containsExactly("find", "find");
    }

    @Test
    void aBatchOfOneIsWrittenAtOnce() {
        stored("T-3");
        COMMANDS.clear();
        List<List<String>> seenAfterTheWrite = new ArrayList<>();
        apply(r -> {
            applyMark(r.value());
            seenAfterTheWrite.add(marksOf("T-3"));
        }, "T-3:a");
        assertThat(seenAfterTheWrite).as("stored before the handler returned").containsExactly(List.of("a"));
        assertThat(COMMANDS).containsExactly("find", "update", "find");
    }

    @Test
    void aVersionMovedByAnotherWriterGivesTheUnitUpAndEachRecordIsAppliedOnceOneByOne() {
        stored("T-4", "m0");
        AtomicBoolean otherWriterWent = new AtomicBoolean();
        apply(r -> {
            if (r.value().equals("other-writer")) {
                if (otherWriterWent.compareAndSet(false, true)) {
                    // another instance changes T-4 while this batch holds it (another thread: outside the unit)
                    CompletableFuture.runAsync(() -> applyMark("T-4:other")).join();
                }
                return;
            }
            applyMark(r.value());
        }, "T-4:a", "other-writer", "T-4:b");
        assertThat(marksOf("T-4")).containsExactly("m0", "other", "a", "b");
    }

    @Test
    void anIdInsertedMeanwhileByAnotherWriterGivesTheUnitUpAndEachRecordIsAppliedOnce() {
        AtomicBoolean otherWriterWent = new AtomicBoolean();
        apply(r -> {
            if (r.value().equals("other-writer")) {
                if (otherWriterWent.compareAndSet(false, true)) {
                    CompletableFuture.runAsync(() -> applyMark("T-5:other")).join();
                }
                return;
            }
            applyMark(r.value());
        }, "T-5:a", "T-6:a", "other-writer", "T-5:b");
        assertThat(marksOf("T-5")).containsExactly("other", "a", "b");
        assertThat(marksOf("T-6")).containsExactly("a");
    }

    @Test
    void aRecordThatFailsOnItsOwnIsNamedByItsIndexAndTheRecordsBeforeItAreStored() {
        assertThatThrownBy(() -> apply(r -> applyMark(r.value()), "T-7:a", "T-8:a", "unreadable", "T-7:b"))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failed -> {
                    assertThat(failed.getIndex()).isEqualTo(2);
                    assertThat(failed.getCause()).isInstanceOf(IllegalArgumentException.class);
                });
        assertThat(marksOf("T-7")).containsExactly("a");
        assertThat(marksOf("T-8")).containsExactly("a");
    }
}
