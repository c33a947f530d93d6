package fr.grd.mes.events;

import java.time.LocalDate;

/** The connection agreement ("Convention de Raccordement") was not made available by its due date. */
public record ConnectionAgreementOverdue(String amendmentId, LocalDate dueDate) implements AmendmentEvent {
}
