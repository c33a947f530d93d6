package fr.grd.mes.tools.benchmark;

import java.util.List;
import java.util.Map;

/** How long load ran before every service's JIT compiler stayed under the threshold, window by window. */
record Settling(double seconds, boolean settled, List<Map<String, Double>> jitCoresByWindow) {
}
