package fr.grd.mes.tools.benchmark;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A variant's figures: its ingredients and bounds, counts per case, phases, settling and curve; {@code readsByCollection}
 * is, per "service collection command", the reads per case of the maximum rate, their mean
 * time and the longest of the last minutes (ms).
 */
record Result(Variant variant, double kafkaRate, double writeRate, double httpRate, double recordsPerCase,
              double writesPerCase, double readsPerCase, double httpPerCase, Phase fixed, Phase max, Phase soak,
              Map<String, Double> storeMillis, Map<String, double[]> readsByCollection, Usage atRest, Settling settling, List<Phase> curve) {
    /** The knee of the open-loop curve: the highest offered rate still carried; NaN if none was. */
    double knee() {
        return knee(curve);
    }

    static double knee(List<Phase> curve) {
        return curve.stream().filter(Phase::carried).mapToDouble(Phase::offered).max().orElse(Double.NaN);
    }

    /** The open-loop point at half the knee's rate, if the curve has one. */
    Optional<Phase> halfKnee() {
        double half = knee() / 2;
        return curve.stream().filter(p -> !p.closedLoop() && Math.abs(p.offered() - half) <= 0.01 * half).findFirst();
    }

    double kafkaBound() {
        return kafkaRate / recordsPerCase;
    }

    double compositeBound() {
        return 1.0 / (recordsPerCase / kafkaRate + writesPerCase / writeRate + httpPerCase / httpRate);
    }
}
