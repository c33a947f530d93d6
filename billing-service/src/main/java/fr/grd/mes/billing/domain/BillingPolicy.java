package fr.grd.mes.billing.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The billing side of the seed's decision chart ("logigramme"):
 * <ul>
 *   <li>client present, date really advanced by the distributor (option 2.1.1): forfait « accès à
 *       l'électricité » + express supplement (20 € + 25 € = 45 € HT), plus the other requested prestations;</li>
 *   <li>client present otherwise (option 1, date maintained, client unreachable, never escalated, standard):
 *       the forfait alone at the standard price (20 € HT), plus the other requested prestations;</li>
 *   <li>client absent, whatever the branch: the wasted-trip fee only, never the express supplement, and no
 *       other prestation since none was carried out.</li>
 * </ul>
 */
public final class BillingPolicy {
    private BillingPolicy() {
    }

    public static List<String> codesForCompleted(boolean advanced, List<String> additionalServices) {
        List<String> codes = new ArrayList<>();
        codes.add(PrestationCodes.ACCESS_FORFAIT);
        if (advanced) {
            codes.add(PrestationCodes.EXPRESS_SUPPLEMENT);
        }
        if (additionalServices != null) {
            codes.addAll(additionalServices);
        }
        return codes;
    }

    public static List<String> codesForClientAbsent() {
        return List.of(PrestationCodes.WASTED_TRIP);
    }
}
