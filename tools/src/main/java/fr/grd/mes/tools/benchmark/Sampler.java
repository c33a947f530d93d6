package fr.grd.mes.tools.benchmark;

import fr.grd.mes.localstack.ServiceProcess;
import fr.grd.mes.localstack.ServiceStack.Service;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/** CPU of every process over a phase, and each service's heap in use sampled every second. */
final class Sampler {
    private final Map<Service, ServiceProcess> services;
    private final Infrastructure infrastructure;
    private final ServiceMeters meters;
    private final Map<String, Duration> cpuStart = new LinkedHashMap<>();
    private final Map<String, Double> jitStart;
    private final List<HeapSample> samples = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final long start = System.nanoTime();
    private final Thread thread;

    /** Starts sampling now. */
    Sampler(Map<Service, ServiceProcess> services, Infrastructure infrastructure, ServiceMeters meters) {
        this.services = services;
        this.infrastructure = infrastructure;
        this.meters = meters;
        this.jitStart = jitMillis();
        cpuTimes().forEach(cpuStart::put);
        thread = new Thread(() -> {
            while (running.get()) {
                for (Service service : Service.values()) {
                    samples.add(new HeapSample((System.nanoTime() - start) / 1e9, service,
                            meters.meter(service, "jvm.memory.used", "area:heap") / 1024 / 1024));
                }
                LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
            }
        });
        thread.setDaemon(true);
        thread.start();
    }

    private Map<String, Duration> cpuTimes() {
        Map<String, Duration> times = new LinkedHashMap<>();
        services.forEach((service, process) -> times.put(service.serviceName(), process.cpuTime()));
        times.putAll(infrastructure.cpuTimes());
        return times;
    }

    /**
     * The JIT compiler threads' CPU time so far, per service, from the OS (Micrometer's
     * {@code jvm.compilation.time} where there is no /proc: elapsed time summed over the compiler threads,
     * which on a loaded machine counts the time they wait for a core too, over 100 % of a core seen).
     */
    private Map<String, Double> jitMillis() {
        Map<String, Double> jit = new LinkedHashMap<>();
        services.forEach((service, process) -> jit.put(service.serviceName(), process.jitCpuTime()
                .map(cpu -> (double) cpu.toMillis())
                .orElseGet(() -> meters.meter(service, "jvm.compilation.time", null))));
        return jit;
    }

    Usage stop(double elapsedSeconds) throws InterruptedException {
        running.set(false);
        thread.join();
        Map<String, Double> jitCores = new LinkedHashMap<>();
        jitMillis().forEach((service, ms) -> jitCores.put(service,
                (ms - jitStart.getOrDefault(service, 0.0)) / 1000 / elapsedSeconds));
        Map<String, Double> cores = new LinkedHashMap<>();
        cpuTimes().forEach((process, time) -> cores.put(process,
                time.minus(cpuStart.get(process)).toNanos() / 1e9 / elapsedSeconds));
        Map<String, Double> maxHeap = new LinkedHashMap<>();
        for (HeapSample sample : samples) {
            maxHeap.merge(sample.service().serviceName(), sample.usedMiB(), Math::max);
        }
        return new Usage(cores, maxHeap, jitCores, elapsedSeconds);
    }

    /** Every heap sample so far. */
    List<HeapSample> samples() {
        return samples;
    }
}
