package fr.grd.mes.events;

/** Supply state of a delivery point: ALIM (supplied), COUP (suspended), LIMI (reduced). */
public enum SupplyState {
    ALIM, COUP, LIMI;

    /** A "mise en service sur installation existante" with a trip only applies to a suspended or reduced supply. */
    public boolean needsTripToRestore() {
        return this == COUP || this == LIMI;
    }
}
