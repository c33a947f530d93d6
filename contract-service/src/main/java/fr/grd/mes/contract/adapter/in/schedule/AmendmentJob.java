package fr.grd.mes.contract.adapter.in.schedule;

import fr.grd.mes.contract.application.AmendmentDesk;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Reads the shared clock every period: amendments past their validity expire, overdue agreements are flagged. */
@Component
public class AmendmentJob {
    private final AmendmentDesk desk;

    public AmendmentJob(AmendmentDesk desk) {
        this.desk = desk;
    }

    @Scheduled(fixedDelayString = "${mes.scheduler.period:PT5S}")
    public void run() {
        desk.sweep();
    }
}
