package fr.grd.mes.scheduling.adapter.in.schedule;

import fr.grd.mes.scheduling.application.ExpressAdvancementDesk;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every period, reads the clock: finds places for open advancement windows and closes ended ones. */
@Component
public class AdvancementDeskJob {
    private final ExpressAdvancementDesk desk;

    public AdvancementDeskJob(ExpressAdvancementDesk desk) {
        this.desk = desk;
    }

    @Scheduled(fixedDelayString = "${mes.scheduler.period:PT1S}")
    public void run() {
        desk.sweep();
    }
}
