package fr.grd.mes.billing.domain;

import fr.grd.mes.events.ChartBranch;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The billing side of the seed's decision chart ("logigramme"), as one table: the branch scheduling decided and the
 * client's presence give the chart's roles to bill.
 * <ul>
 *   <li>client present, date really advanced by the distributor (option 2.1.1): forfait « accès à
 *       l'électricité » + express supplement (20 € + 25 € = 45 € HT), plus the other requested prestations;</li>
 *   <li>client present in every other branch (option 1, 2 never escalated, 2.1.2 unreachable or declining, 2.2 not
 *       advanced): the forfait alone at the standard price (20 € HT), plus the other requested prestations;</li>
 *   <li>client absent, whatever the branch: the wasted-trip fee only, never the express supplement, and no
 *       other prestation since none was carried out.</li>
 * </ul>
 */
public final class BillingPolicy {
    /** Whether the client was there when the technician came. */
    public enum Presence { PRESENT, ABSENT }

    private static final Map<ChartBranch, List<ChartRole>> CLIENT_PRESENT = new EnumMap<>(ChartBranch.class);

    static {
        CLIENT_PRESENT.put(ChartBranch.OPTION_1, List.of(ChartRole.ACCESS_FORFAIT));
        CLIENT_PRESENT.put(ChartBranch.OPTION_2_NOT_ESCALATED, List.of(ChartRole.ACCESS_FORFAIT));
        CLIENT_PRESENT.put(ChartBranch.OPTION_2_1_1_ADVANCED,
                List.of(ChartRole.ACCESS_FORFAIT, ChartRole.EXPRESS_SUPPLEMENT));
        CLIENT_PRESENT.put(ChartBranch.OPTION_2_1_2_CLIENT_UNREACHABLE, List.of(ChartRole.ACCESS_FORFAIT));
        CLIENT_PRESENT.put(ChartBranch.OPTION_2_1_2_CLIENT_DECLINED, List.of(ChartRole.ACCESS_FORFAIT));
        CLIENT_PRESENT.put(ChartBranch.OPTION_2_2_NOT_ADVANCED, List.of(ChartRole.ACCESS_FORFAIT));
    }

    private BillingPolicy() {
    }

    /** The chart's roles billed for {@code branch} with the client {@code presence}. */
    public static List<ChartRole> roles(ChartBranch branch, Presence presence) {
        if (presence == Presence.ABSENT) {
            return List.of(ChartRole.WASTED_TRIP);
        }
        return CLIENT_PRESENT.get(branch);
    }

    /**
     * The codes to price, in {@code version}'s codes: the roles' codes (a role the version does not name becomes
     * {@code role:<ROLE>}, left unpriced and held), then, when the client was present, the other requested
     * prestations — never one of the chart's own codes, which only the chart decides (a second guard: submission
     * refuses them), each once.
     */
    public static List<String> codes(ChartBranch branch, Presence presence, List<String> additionalServices,
                                     CatalogueVersion version) {
        List<String> codes = new ArrayList<>();
        for (ChartRole role : roles(branch, presence)) {
            codes.add(version.codeOf(role).orElse("role:" + role.name()));
        }
        if (additionalServices != null && presence == Presence.PRESENT) {
            additionalServices.stream().filter(code -> !version.isChartCode(code)).distinct().forEach(codes::add);
        }
        return codes;
    }
}
