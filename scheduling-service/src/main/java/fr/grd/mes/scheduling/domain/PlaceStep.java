package fr.grd.mes.scheduling.domain;

/**
 * A change of the charge table that an advancement's end owes, recorded on the appointment in the same write as the
 * decision and carried out after it: hand the proposed place over to the appointment, give a place back. Each step is
 * harmless to repeat, so a service that died between the decision and the charge table replays it on its next pass.
 *
 * @param holder the id holding the place in {@code slot} (TRANSFER: the one giving it)
 * @param to     TRANSFER only: the id that takes it over
 */
public record PlaceStep(Action action, SlotKey slot, String holder, String to) {
    public enum Action { TRANSFER, RELEASE }

    public static PlaceStep transfer(SlotKey slot, String from, String to) {
        return new PlaceStep(Action.TRANSFER, slot, from, to);
    }

    public static PlaceStep release(SlotKey slot, String holder) {
        return new PlaceStep(Action.RELEASE, slot, holder, null);
    }

    /** Carries the step out on {@code table}; a step already done changes nothing. */
    public void applyTo(ChargeTable table) {
        if (action == Action.TRANSFER) {
            table.transfer(slot, holder, to);
        } else {
            table.release(slot, holder);
        }
    }
}
