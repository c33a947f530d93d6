package fr.grd.mes.billing.domain;

/**
 * The three things the seed's decision chart bills, whatever the catalogue calls them. Each catalogue version says
 * which of its prestation codes plays each role ({@link CatalogueVersion#chartCodes()}), so a deployment sets its
 * real codes by publishing a catalogue version, never by changing the billing rules. The public catalogue gives
 * F120B to the mise en service on an existing installation; it publishes no code for the express supplement nor
 * for a wasted trip ("déplacement vain").
 */
public enum ChartRole {
    /** Forfait « accès à l'électricité »: mise en service sur installation existante avec déplacement. */
    ACCESS_FORFAIT,
    /** Supplément de la version express, billed only when the date was really advanced and the client present. */
    EXPRESS_SUPPLEMENT,
    /** Frais de déplacement vain: the client was absent. */
    WASTED_TRIP
}
