package fr.grd.mes.contract.application;

import fr.grd.mes.contract.domain.amendment.Amendment;
import fr.grd.mes.support.port.AggregateRepository;

import java.util.List;

/** Where amendments are kept, by id (the amendment number). */
public interface AmendmentRepository extends AggregateRepository<Amendment> {
    /** Amendments in one state (all states when null), the validity end date nearest first. */
    List<Amendment> list(Amendment.Status status, int limit);

    /** Ids of the amendments in one of {@code statuses}. */
    List<String> idsIn(Amendment.Status... statuses);
}
