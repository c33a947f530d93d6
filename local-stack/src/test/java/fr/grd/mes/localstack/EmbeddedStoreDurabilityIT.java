package fr.grd.mes.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local stack's store keeps what it acknowledged: run as its own process on an H2 file, killed with
 * {@code kill -9} the moment a chosen write is acknowledged (four writers inserting and incrementing), started
 * again on the same file — every acknowledged insert is there and no acknowledged increment is lost. The stock
 * backend, measured the same way, loses the last second of writes (README, "Durability of the embedded store").
 */
class EmbeddedStoreDurabilityIT {

    @Test
    void noAcknowledgedWriteIsLostWhenTheStoreIsKilled(@TempDir Path dir) throws Exception {
        for (int trial = 0; trial < 3; trial++) {
            StoreDurability.Trial result = StoreDurability.killTrial(dir.resolve("store-" + trial + ".mv"), true,
                    200 + 300 * trial);
            assertThat(result.acknowledged()).as("writes acknowledged before the kill").isPositive();
            assertThat(result.lost()).as("acknowledged inserts lost, trial " + trial).isZero();
            assertThat(result.updatesLost()).as("acknowledged increments lost, trial " + trial).isZero();
        }
    }
}
