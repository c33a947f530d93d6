package fr.grd.mes.events;

import java.util.regex.Pattern;

/** A delivery point identifier ("point de livraison", PdL / PRM): exactly 14 digits. */
public final class Pdl {
    private static final Pattern FORMAT = Pattern.compile("\\d{14}");

    private Pdl() {
    }

    public static boolean isValid(String pdl) {
        return pdl != null && FORMAT.matcher(pdl).matches();
    }
}
