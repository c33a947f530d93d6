package fr.grd.mes.billing.domain;

/** The catalogue codes the decision chart bills. Prices live in the dated catalogue, never in code. */
public final class PrestationCodes {
    /** Forfait « accès à l'électricité »: mise en service sur installation existante avec déplacement. */
    public static final String ACCESS_FORFAIT = "F120B";
    /** Supplément de la version express, billed only when the date was really advanced and the client present. */
    public static final String EXPRESS_SUPPLEMENT = "F120X";
    /** Frais de déplacement vain: the client was absent. */
    public static final String WASTED_TRIP = "F140";

    private PrestationCodes() {
    }
}
