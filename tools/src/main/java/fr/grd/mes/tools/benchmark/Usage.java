package fr.grd.mes.tools.benchmark;

import fr.grd.mes.localstack.ServiceStack.Service;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Average cores used over a phase, the largest heap in use seen, per process, and each service's JIT compiler
 * time over the phase as a share of one core (Micrometer's {@code jvm.compilation.time}).
 */
record Usage(Map<String, Double> cores, Map<String, Double> maxHeapMiB, Map<String, Double> jitCores,
             double elapsedSeconds) {
    /** CPU milliseconds per completed case, per process (cores × phase length ÷ cases). */
    Map<String, Double> cpuMillisPerCase(int completed) {
        Map<String, Double> perCase = new LinkedHashMap<>();
        cores.forEach((process, c) -> perCase.put(process, completed == 0 ? Double.NaN
                : 1000 * c * elapsedSeconds / completed));
        return perCase;
    }

    /** The four services together, CPU ms per case. */
    double servicesCpuMillisPerCase(int completed) {
        Map<String, Double> perCase = cpuMillisPerCase(completed);
        double sum = 0;
        for (Service service : Service.values()) {
            sum += perCase.getOrDefault(service.serviceName(), 0.0);
        }
        return sum;
    }
}
