package fr.grd.mes.scheduling.adapter.out.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.grd.mes.events.Slot;
import fr.grd.mes.scheduling.domain.ChargeTable;
import fr.grd.mes.scheduling.domain.SlotKey;
import fr.grd.mes.support.outcome.Conflict;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.net.InetSocketAddress;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The charge table under contention, over the MongoDB wire protocol: many parallel bookings of a nearly full
 * half day never exceed its capacity, and one appointment booking twice holds one place.
 */
class ChargeTableConcurrencyIT {
    private static MongoServer server;
    private static MongoClient client;
    private static ChargeTable table;

    @BeforeAll
    static void store() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://localhost:" + address.getPort());
        table = new MongoChargeTable(new MongoTemplate(client, "charge_table_it"));
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void manyParallelBookingsOfANearlyFullHalfDayNeverOverbook() throws Exception {
        SlotKey slot = new SlotKey("ZC", LocalDate.of(2026, 12, 3), Slot.AM);
        table.setCapacity(slot, 5);
        table.book(slot, "already-1");
        table.book(slot, "already-2");

        int contenders = 64;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < contenders; i++) {
            String appointment = "contender-" + i;
            results.add(pool.submit(() -> {
                start.await();
                return table.book(slot, appointment);
            }));
        }
        start.countDown();
        int won = 0;
        for (Future<Boolean> result : results) {
            won += result.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(won).isEqualTo(3);
        ChargeTable.SlotCapacity after = table.all("ZC", slot.date(), slot.date()).get(0);
        assertThat(after.booked()).isEqualTo(5);
        assertThat(after.free()).isZero();
    }

    @Test
    void bookingTwiceForTheSameAppointmentHoldsOnePlace() {
        SlotKey slot = new SlotKey("ZC", LocalDate.of(2026, 12, 4), Slot.PM);
        table.setCapacity(slot, 2);
        assertThat(table.book(slot, "A000000042-R1")).isTrue();
        assertThat(table.book(slot, "A000000042-R1")).isTrue();
        assertThat(table.all("ZC", slot.date(), slot.date()).get(0).booked()).isEqualTo(1);
        assertThat(table.heldBy(slot.zone(), "A000000042-R1")).contains(slot);
        assertThat(table.heldBy("ZD", "A000000042-R1")).as("another zone's slots are not searched").isEmpty();
    }

    @Test
    void capacityCannotDropBelowThePlacesAlreadyBooked() {
        SlotKey slot = new SlotKey("ZC", LocalDate.of(2026, 12, 7), Slot.AM);
        table.setCapacity(slot, 3);
        table.book(slot, "x1");
        table.book(slot, "x2");
        assertThatThrownBy(() -> table.setCapacity(slot, 1)).isInstanceOf(Conflict.class)
                .hasMessageContaining("2 are already booked");
        assertThat(table.setCapacity(slot, 2).free()).isZero();
        assertThat(table.setCapacity(slot, 6).free()).isEqualTo(4);
    }

    @Test
    void aHeldPlaceHandedOverStaysOnePlace() {
        SlotKey slot = new SlotKey("ZC", LocalDate.of(2026, 12, 8), Slot.AM);
        table.setCapacity(slot, 1);
        assertThat(table.book(slot, "A1-R1#advance")).isTrue();
        table.transfer(slot, "A1-R1#advance", "A1-R1");
        assertThat(table.heldBy(slot.zone(), "A1-R1")).contains(slot);
        assertThat(table.book(slot, "someone-else")).isFalse();
        table.release(slot, "A1-R1");
        assertThat(table.book(slot, "someone-else")).isTrue();
    }
}
