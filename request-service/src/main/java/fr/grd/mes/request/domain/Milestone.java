package fr.grd.mes.request.domain;

import java.time.Instant;

/** One numbered, dated step of a case, as the supplier sees it in the tracking flow. */
public record Milestone(int number, MilestoneCode code, Instant at, String detail) {
    public String label() {
        return code.label();
    }
}
