package fr.grd.mes.events;

import java.time.LocalDate;
import java.util.List;

/**
 * A version of billing-service's price catalogue, as the other services need to know it: the codes it prices, and
 * which of them play the decision chart's roles (ACCESS_FORFAIT, EXPRESS_SUPPLEMENT, WASTED_TRIP). Versions are never
 * edited, so the compacted topic keeps one record per version id; request-service checks a request's additional
 * services against the version in force on the requested date.
 */
public record CatalogueVersionPublished(
        String versionId,
        LocalDate effectiveFrom,
        List<String> pricedCodes,
        List<ChartCode> chartCodes) {

    /** The code that plays one of the decision chart's roles in this version. */
    public record ChartCode(String role, String code) {
    }
}
