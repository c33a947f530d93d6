package fr.grd.mes.tools.benchmark;

import fr.grd.mes.localstack.ServiceStack.Service;

/** One service's heap in use, sampled during a phase. */
record HeapSample(double secondsIn, Service service, double usedMiB) {
}
