package fr.grd.mes.tools.benchmark;

import org.HdrHistogram.Histogram;

import java.util.List;

/** One measured phase: what was offered (0: closed loop), carried, its latencies and what it cost. */
record Phase(double offered, int inFlight, int accepted, int completed, double casesPerSecond, Histogram planned,
             Histogram billed, Usage usage, List<HeapSample> heap) {
    boolean closedLoop() {
        return offered == 0;
    }

    /**
     * An open-loop point the stack carried: it completed ≥ 95 % of the offered rate and its p99 accepted → planned
     * is under 1 s.
     */
    boolean carried() {
        return !closedLoop() && casesPerSecond >= 0.95 * offered && planned.getTotalCount() > 0
                && planned.getValueAtPercentile(99) <= 1000;
    }
}
