package fr.grd.mes.support.projection;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.grd.mes.events.DeliveryPointChanged;
import fr.grd.mes.events.SupplyState;
import fr.grd.mes.support.json.EventJson;
import fr.grd.mes.support.port.KnownDeliveryPoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The delivery-point projection on the MongoDB-wire store: a batch of changes is one read of the revisions held and
 * one bulk write (the driver's own command events counted), the newest change of each delivery point wins whatever
 * the order, and a change no newer than the copy held changes nothing.
 */
class DeliveryPointProjectionIT {
    private static MongoServer store;
    private static MongoClient client;
    private static final List<String> COMMANDS = new CopyOnWriteArrayList<>();
    private MongoTemplate mongo;
    private DeliveryPointProjection projection;

    @BeforeAll
    static void start() {
        store = new MongoServer(new MemoryBackend());
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                COMMANDS.add(event.getCommandName());
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://localhost:" + store.bind().getPort()))
                .addCommandListener(listener).build());
    }

    @AfterAll
    static void stop() {
        client.close();
        store.shutdownNow();
    }

    @BeforeEach
    void freshDatabase() {
        mongo = new MongoTemplate(client, "projection-" + System.nanoTime());
        projection = new DeliveryPointProjection(mongo, new EventJson());
        COMMANDS.clear();
    }

    private static DeliveryPointChanged change(String pdl, long revision, SupplyState state) {
        return new DeliveryPointChanged(pdl, "1 rue de la Gare", "69007", "Lyon", "69387", "ZONE-A", state, "LINKY",
                null, revision, Instant.parse("2026-12-02T10:00:00Z"));
    }

    @Test
    void aBatchIsOneReadAndOneBulkWriteAndTheNewestChangeOfEachPointWins() {
        projection.applyAll(List.of(
                change("30000000000001", 2, SupplyState.LIMI),
                change("30000000000002", 1, SupplyState.COUP),
                change("30000000000001", 1, SupplyState.COUP),   // older, after the newer one
                change("30000000000003", 5, SupplyState.COUP),
                change("30000000000003", 6, SupplyState.LIMI)));
        assertThat(COMMANDS).containsExactly("find", "update");
        assertThat(projection.find("30000000000001")).get().extracting(KnownDeliveryPoint::revision,
                KnownDeliveryPoint::supplyState).containsExactly(2L, SupplyState.LIMI);
        assertThat(projection.find("30000000000002")).get().extracting(KnownDeliveryPoint::revision).isEqualTo(1L);
        assertThat(projection.find("30000000000003")).get().extracting(KnownDeliveryPoint::revision,
                KnownDeliveryPoint::supplyState).containsExactly(6L, SupplyState.LIMI);
    }

    @Test
    void aChangeNoNewerThanTheCopyHeldChangesNothingAndWritesNothing() {
        projection.applyAll(List.of(change("30000000000004", 3, SupplyState.LIMI)));
        COMMANDS.clear();
        projection.applyAll(List.of(change("30000000000004", 3, SupplyState.COUP), change("30000000000004", 2,
                SupplyState.COUP)));
        assertThat(COMMANDS).as("the read only").containsExactly("find");
        assertThat(projection.find("30000000000004")).get().extracting(KnownDeliveryPoint::supplyState)
                .isEqualTo(SupplyState.LIMI);
        projection.apply(change("30000000000004", 4, SupplyState.COUP));
        assertThat(projection.find("30000000000004")).get().extracting(KnownDeliveryPoint::revision,
                KnownDeliveryPoint::supplyState).containsExactly(4L, SupplyState.COUP);
    }
}
