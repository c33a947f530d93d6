package fr.grd.mes.billing.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A version of the price catalogue, in force from {@code effectiveFrom} until the next version's date. The
 * intervention date picks the version that prices it.
 */
public record CatalogueVersion(String id, LocalDate effectiveFrom, List<Prestation> prestations) {

    public Optional<Prestation> prestation(String code) {
        return prestations.stream().filter(p -> p.code().equals(code)).findFirst();
    }

    /** The version in force on {@code date} among {@code versions}, if any. */
    public static Optional<CatalogueVersion> inForceOn(LocalDate date, List<CatalogueVersion> versions) {
        return versions.stream().filter(v -> !v.effectiveFrom().isAfter(date))
                .max(java.util.Comparator.comparing(CatalogueVersion::effectiveFrom));
    }
}
