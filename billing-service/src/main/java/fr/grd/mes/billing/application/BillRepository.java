package fr.grd.mes.billing.application;

import fr.grd.mes.billing.domain.InterventionBill;
import fr.grd.mes.support.port.AggregateRepository;

import java.util.List;

/** Where bills are kept: one per intervention (its id is the intervention's). */
public interface BillRepository extends AggregateRepository<InterventionBill> {
    /** A supplier's bills, of one case if {@code caseId} is given, by intervention date. */
    List<InterventionBill> billsOf(String supplierId, String caseId);

    /** Bills holding codes that could not be priced, oldest intervention first. */
    List<InterventionBill> holdingLines();

    /** How many codes all bills hold unpriced. */
    long heldLineCount();
}
