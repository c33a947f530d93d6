package fr.grd.mes.request.adapter.in.schedule;

import fr.grd.mes.request.application.CaseService;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads the clock every period and issues the summary sheets ("fiches de synthèse") that became due: the day
 * after an advanced express intervention. Period-driven, so a simulation clock replays days in minutes.
 */
@Component
public class SummarySheetJob {
    private final CaseService cases;

    public SummarySheetJob(CaseService cases) {
        this.cases = cases;
    }

    @Scheduled(fixedDelayString = "${mes.scheduler.period:PT5S}")
    public void run() {
        cases.issueDueSummarySheets();
    }
}
