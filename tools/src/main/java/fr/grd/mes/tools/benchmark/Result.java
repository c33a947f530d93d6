package fr.grd.mes.tools.benchmark;

import java.util.List;
import java.util.Map;

/** A variant's figures: its ingredients and bounds, counts per case, phases, settling and curve. */
record Result(Variant variant, double kafkaRate, double writeRate, double httpRate, double recordsPerCase,
              double writesPerCase, double readsPerCase, double httpPerCase, Phase fixed, Phase max, Phase soak,
              Map<String, Double> storeMillis, Usage atRest, Settling settling, List<Phase> curve) {
    /**
     * The knee of the open-loop curve: the highest offered rate still carried (achieved ≥ 95 % of offered, p99
     * accepted → planned under 1 s); NaN without an open-loop curve.
     */
    double knee() {
        return curve.stream().filter(p -> !p.closedLoop() && p.casesPerSecond() >= 0.95 * p.offered()
                && p.planned().getTotalCount() > 0 && p.planned().getValueAtPercentile(99) <= 1000)
                .mapToDouble(Phase::offered).max().orElse(Double.NaN);
    }

    double kafkaBound() {
        return kafkaRate / recordsPerCase;
    }

    double compositeBound() {
        return 1.0 / (recordsPerCase / kafkaRate + writesPerCase / writeRate + httpPerCase / httpRate);
    }
}
