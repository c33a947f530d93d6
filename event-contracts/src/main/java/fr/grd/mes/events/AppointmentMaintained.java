package fr.grd.mes.events;

import java.time.LocalDate;

/**
 * The initial appointment is kept: no slot within 2 business days (seed §2.2) or the client could not be
 * reached (seed §2.1.2). {@code reason} is NO_SLOT_FOUND, CLIENT_UNREACHABLE,
 * CLIENT_DECLINED, PROPOSAL_NOT_CALLED, EXPRESS_DEADLINE_PASSED or INTERVENTION_ALREADY_DONE.
 */
public record AppointmentMaintained(String caseId, String appointmentId, LocalDate date, Slot slot, String reason,
                                    ChartBranch branch) {
}
