package fr.grd.mes.request.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What request-service knows of one version of billing's price catalogue: the codes it prices and the decision
 * chart's own codes (the forfait, the express supplement, the wasted trip), which only the chart bills.
 */
public record CatalogueCodes(String versionId, LocalDate effectiveFrom, Set<String> priced, Set<String> chartCodes) {
    public CatalogueCodes {
        priced = Set.copyOf(priced);
        chartCodes = Set.copyOf(chartCodes);
    }

    /** The version in force on {@code date} among {@code versions}, if any. */
    public static Optional<CatalogueCodes> inForceOn(LocalDate date, List<CatalogueCodes> versions) {
        return versions.stream().filter(v -> !v.effectiveFrom().isAfter(date))
                .max(Comparator.comparing(CatalogueCodes::effectiveFrom));
    }
}
