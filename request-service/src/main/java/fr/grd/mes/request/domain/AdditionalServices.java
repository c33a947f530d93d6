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

    /**
     * The problems of {@code codes} against the catalogue version in force ({@code catalogue}, when known): a code it
     * does not price, or one of the chart's own codes, is refused too.
     */
    public static List<Problem> problems(List<String> codes, java.util.Optional<CatalogueCodes> catalogue) {
        List<Problem> problems = new ArrayList<>(problems(codes));
        if (catalogue.isEmpty()) {
            return problems;
        }
        Set<Integer> already = new HashSet<>();
        problems.forEach(p -> already.add(p.index()));
        CatalogueCodes version = catalogue.get();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (code == null || already.contains(i)) {
                continue;
            }
            if (version.chartCodes().contains(code)) {
                problems.add(new Problem(i, code + " is one of the decision chart's own prestations (forfait, express "
                        + "supplement, wasted trip): the chart alone bills it"));
            } else if (!version.priced().contains(code)) {
                problems.add(new Problem(i, code + " is not a prestation of the catalogue in force (version "
                        + version.versionId() + ")"));
            }
        }
        problems.sort(java.util.Comparator.comparingInt(Problem::index));
        return problems;
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
