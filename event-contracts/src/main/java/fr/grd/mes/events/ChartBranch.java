package fr.grd.mes.events;

/**
 * The branch of the seed's decision chart ("logigramme") a case followed, as scheduling decided it. Billing maps
 * (branch, client's presence, additional services) to lines; the case shows it; nobody derives it again.
 */
public enum ChartBranch {
    /** Option 1: a place was free within the deadline, or the client chose a later date — booked as agreed. */
    OPTION_1,
    /** Option 2: no place was free up to the express deadline, a conservatory appointment; the supplier never called. */
    OPTION_2_NOT_ESCALATED,
    /** Option 2.1.1: a place within the 2 business days was found and the client agreed: the date was advanced. */
    OPTION_2_1_1_ADVANCED,
    /** Option 2.1.2: a place was found but the client could not be reached: the initial date is kept. */
    OPTION_2_1_2_CLIENT_UNREACHABLE,
    /** Added to the chart: the client was reached and declined the earlier date; the initial date is kept. */
    OPTION_2_1_2_CLIENT_DECLINED,
    /**
     * Option 2.2: the date could not be advanced (no place found within the window, the proposal never called, the
     * call came after the express deadline, or the intervention happened first): the initial date is kept.
     */
    OPTION_2_2_NOT_ADVANCED;

    /** Whether the distributor really advanced the date (the only branch that bills the express supplement). */
    public boolean advanced() {
        return this == OPTION_2_1_1_ADVANCED;
    }
}
