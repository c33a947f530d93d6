package fr.grd.mes.scheduling.domain;

import java.time.Instant;

/**
 * An express advancement attempt (seed option 2): opened by the supplier's call to the "Acheminement" line,
 * it lasts 1 business day ("re-contacté par Enedis sous 1 jour ouvré"). A slot found within the 2 business
 * days is held and proposed to the desk, which calls the client.
 *
 * @param status     OPEN (looking for a slot), PROPOSED (slot held, client to call), ADVANCED, MAINTAINED
 * @param proposal   the held slot while PROPOSED
 * @param closedBy   why it ended: CLIENT_AGREED, CLIENT_UNREACHABLE, NO_SLOT_FOUND
 */
public record Advancement(String status, Instant openedAt, Instant windowEnds, SlotKey proposal, Instant proposedAt,
                          Instant closedAt, String closedBy) {

    public static final String OPEN = "OPEN";
    public static final String PROPOSED = "PROPOSED";
    public static final String ADVANCED = "ADVANCED";
    public static final String MAINTAINED = "MAINTAINED";

    static Advancement open(Instant openedAt, Instant windowEnds) {
        return new Advancement(OPEN, openedAt, windowEnds, null, null, null, null);
    }

    Advancement proposed(SlotKey slot, Instant at) {
        return new Advancement(PROPOSED, openedAt, windowEnds, slot, at, null, null);
    }

    Advancement closed(String finalStatus, String reason, Instant at) {
        return new Advancement(finalStatus, openedAt, windowEnds, proposal, proposedAt, at, reason);
    }

    public boolean isActive() {
        return OPEN.equals(status) || PROPOSED.equals(status);
    }
}
