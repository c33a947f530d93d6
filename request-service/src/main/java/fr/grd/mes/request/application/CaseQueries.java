package fr.grd.mes.request.application;

import fr.grd.mes.events.Version;
import fr.grd.mes.request.domain.Case;
import fr.grd.mes.request.domain.MilestoneCode;
import fr.grd.mes.support.time.BusinessCalendar;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The desk's reads over cases: search by delivery point or supplier reference, and the counters of a day
 * (requests received, express advanced or maintained, interventions completed or with the client absent),
 * counted from the dated milestones, so they are the same whenever they are asked.
 */
@Service
public class CaseQueries {
    private final CaseRepository cases;

    public CaseQueries(CaseRepository cases) {
        this.cases = cases;
    }

    /** Cases of a delivery point and/or carrying a supplier reference, newest first; {@code supplierId} narrows. */
    public List<Case> search(String pdl, String externalReference, String supplierId, int limit) {
        return cases.search(pdl, externalReference, supplierId, limit);
    }

    /** The counters of one Paris calendar day. */
    public DailyCounters daily(LocalDate day) {
        Instant from = day.atStartOfDay(BusinessCalendar.PARIS).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(BusinessCalendar.PARIS).toInstant();
        return new DailyCounters(day,
                count(MilestoneCode.DMTR, from, to, null),
                count(MilestoneCode.DMTR, from, to, Version.EXPRESS),
                count(MilestoneCode.DEXP, from, to, null),
                count(MilestoneCode.RDVA, from, to, null),
                count(MilestoneCode.RDVM, from, to, null),
                count(MilestoneCode.CPRE, from, to, null),
                count(MilestoneCode.CPNR, from, to, null));
    }

    private long count(MilestoneCode code, Instant from, Instant to, Version version) {
        return cases.countWithMilestone(code, from, to, version);
    }

    /**
     * @param requests    requests received (DMTR), of which {@code express} asked for the express version
     * @param escalations express calls to the "Acheminement" line (DEXP)
     * @param advanced    appointments advanced (RDVA)
     * @param maintained  initial appointments maintained (RDVM)
     * @param completed   interventions done (CPRE)
     * @param clientAbsent interventions not done, client absent (CPNR)
     */
    public record DailyCounters(LocalDate date, long requests, long express, long escalations, long advanced,
                                long maintained, long completed, long clientAbsent) {
    }
}
