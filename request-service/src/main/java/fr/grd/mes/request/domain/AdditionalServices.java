package fr.grd.mes.request.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The prestations a supplier may ask for with the mise en service ("prestations complémentaires"): each at most
 * once, and never the mise en service itself (F120B, the public catalogue code of the mise en service on an
 * existing installation), which the decision chart bills by itself — asked again, it would be billed twice.
 */
public final class AdditionalServices {
    /** The public catalogue code of a mise en service on an existing installation. */
    public static final String MISE_EN_SERVICE = "F120B";

    /** One refused entry: its index in the list and why. */
    public record Problem(int index, String reason) {
    }

    private AdditionalServices() {
    }

    public static List<Problem> problems(List<String> codes) {
        List<Problem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (code == null) {
                continue;
            }
            if (MISE_EN_SERVICE.equals(code)) {
                problems.add(new Problem(i, MISE_EN_SERVICE + " is the mise en service itself, billed by the "
                        + "decision chart: it is not an additional service"));
            } else if (!seen.add(code)) {
                problems.add(new Problem(i, code + " is asked more than once: each additional service at most once"));
            }
        }
        return problems;
    }
}
