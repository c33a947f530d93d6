package fr.grd.mes.billing.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A version of the price catalogue, in force from {@code effectiveFrom} until the next version's date. The
 * intervention date picks the version that prices it. {@code chartCodes} says which of its codes plays each role
 * of the decision chart ({@link ChartRole}).
 */
public record CatalogueVersion(String id, LocalDate effectiveFrom, List<Prestation> prestations,
                               java.util.Map<ChartRole, String> chartCodes) {

    public CatalogueVersion {
        chartCodes = chartCodes == null ? java.util.Map.of() : java.util.Map.copyOf(chartCodes);
    }

    /** The code of this version's prestation that plays {@code role} in the decision chart, if it names one. */
    public Optional<String> codeOf(ChartRole role) {
        return Optional.ofNullable(chartCodes.get(role));
    }

    /** The chart's roles this version does not name, or names with a code it does not price. */
    public List<ChartRole> unpricedRoles() {
        return java.util.Arrays.stream(ChartRole.values())
                .filter(role -> codeOf(role).flatMap(this::prestation).isEmpty()).toList();
    }

    /** Whether {@code code} is one of the chart's own roles in this version (never an additional service). */
    public boolean isChartCode(String code) {
        return chartCodes.containsValue(code);
    }

    public Optional<Prestation> prestation(String code) {
        return prestations.stream().filter(p -> p.code().equals(code)).findFirst();
    }

    /** The version in force on {@code date} among {@code versions}, if any. */
    public static Optional<CatalogueVersion> inForceOn(LocalDate date, List<CatalogueVersion> versions) {
        return versions.stream().filter(v -> !v.effectiveFrom().isAfter(date))
                .max(java.util.Comparator.comparing(CatalogueVersion::effectiveFrom));
    }
}
