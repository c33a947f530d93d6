package fr.grd.mes.contract;

import fr.grd.mes.support.arch.Hexagon;
import org.junit.jupiter.api.Test;

/** The shape of the service (ports and adapters, no package cycle): see {@link Hexagon}. */
class ArchitectureTest {
    private static final String BASE = "fr.grd.mes.contract";

    @Test
    void domainImportsNoFrameworkType() {
        Hexagon.domainIsPlainJava().check(Hexagon.classesOf(BASE));
    }

    @Test
    void applicationReachesStoreBrokerAndHttpThroughPortsOnly() {
        Hexagon.applicationUsesPortsOnly().check(Hexagon.classesOf(BASE));
    }

    @Test
    void layersPointInwards() {
        Hexagon.layers(BASE).check(Hexagon.classesOf(BASE));
    }

    @Test
    void packagesAreFreeOfCycles() {
        Hexagon.freeOfCycles(BASE).check(Hexagon.classesOf(BASE));
    }
}
