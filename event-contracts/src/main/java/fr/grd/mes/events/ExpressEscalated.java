package fr.grd.mes.events;

import java.time.Instant;

/** The supplier called the "Acheminement" line to ask for the express version of an existing case. */
public record ExpressEscalated(String caseId, String sgeCaseNumber, Instant escalatedAt, String caller) {
}
