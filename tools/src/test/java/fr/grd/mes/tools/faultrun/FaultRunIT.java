package fr.grd.mes.tools.faultrun;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault run at CI size: the four services as separate processes, each killed with SIGKILL once and
 * restarted, the store process killed with SIGKILL once and started again on its file, the broker restarted
 * once; nothing lost, nothing billed twice ({@code ./fault-run.sh 10000} is the
 * full size).
 */
class FaultRunIT {
    @Test
    void killedServicesAKilledStoreAndARestartedBrokerLoseNothingAndBillNothingTwice() throws Exception {
        FaultRun.Result result = new FaultRun().run(Integer.getInteger("fault.cases", 40),
                Files.createTempDirectory("fault-run-it"));
        assertThat(result.kills()).as("four services and the store").isEqualTo(5);
        assertThat(result.restarts()).isEqualTo(6);
        assertThat(result.lostCases()).isZero();
        assertThat(result.closed()).isEqualTo(result.cases());
        assertThat(result.billed()).isEqualTo(result.cases());
        assertThat(result.duplicatedBillingLines()).isZero();
        assertThat(result.missingBillingRecords()).isZero();
        assertThat(result.missingContractualRecords()).isZero();
    }
}
