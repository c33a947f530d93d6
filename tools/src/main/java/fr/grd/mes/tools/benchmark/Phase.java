package fr.grd.mes.tools.benchmark;

import org.HdrHistogram.Histogram;

import java.util.List;

/** One measured phase: what was offered (0: closed loop), carried, its latencies and what it cost. */
record Phase(double offered, int inFlight, int accepted, int completed, double casesPerSecond, Histogram planned,
             Histogram billed, Usage usage, List<HeapSample> heap) {
    boolean closedLoop() {
        return offered == 0;
    }
}
