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

    /** The chart's roles billed for a completed intervention: the forfait, and the supplement if really advanced. */
    public static List<ChartRole> rolesForCompleted(boolean advanced) {
        return advanced ? List.of(ChartRole.ACCESS_FORFAIT, ChartRole.EXPRESS_SUPPLEMENT)
                : List.of(ChartRole.ACCESS_FORFAIT);
    }

    /** The chart's role billed when the client was absent: the wasted trip alone. */
    public static List<ChartRole> rolesForClientAbsent() {
        return List.of(ChartRole.WASTED_TRIP);
    }

    /**
     * The codes to price, in {@code version}'s codes: the roles' codes (a role the version does not name becomes
     * {@code role:<ROLE>}, left unpriced and visible), then, for a completed intervention, the other requested
     * prestations — never one of the chart's own codes, which only the chart decides.
     */
    public static List<String> codes(List<ChartRole> roles, List<String> additionalServices, CatalogueVersion version) {
        List<String> codes = new ArrayList<>();
        for (ChartRole role : roles) {
            codes.add(version.codeOf(role).orElse("role:" + role.name()));
        }
        if (additionalServices != null && !roles.contains(ChartRole.WASTED_TRIP)) {
            additionalServices.stream().filter(code -> !version.isChartCode(code)).forEach(codes::add);
        }
        return codes;
    }
}
