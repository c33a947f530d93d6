package fr.grd.mes.request.application;

import fr.grd.mes.events.Version;
import fr.grd.mes.request.domain.Case;
import fr.grd.mes.request.domain.MilestoneCode;
import fr.grd.mes.support.port.AggregateRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where cases are kept: by id, by the portal's request id, and the desk's searches and counters. */
public interface CaseRepository extends AggregateRepository<Case> {
    Optional<Case> byPortalRequestId(String portalRequestId);

    /** The open case of a delivery point, if there is one (there is never more than one). */
    Optional<Case> openCaseOn(String pdl);

    /** Ids of the advanced express cases whose summary sheet is due and not issued yet. */
    List<String> idsWithSummarySheetDue();

    /** Cases of a delivery point and/or carrying a supplier reference, newest first; {@code supplierId} narrows. */
    List<Case> search(String pdl, String externalReference, String supplierId, int limit);

    /** Cases having a milestone {@code code} dated in [{@code from}, {@code to}), of {@code version} if given. */
    long countWithMilestone(MilestoneCode code, Instant from, Instant to, Version version);
}
