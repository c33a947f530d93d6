package fr.grd.mes.contract;

import fr.grd.mes.support.arch.DomainPurity;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    @Test
    void domainImportsNoFrameworkType() {
        DomainPurity.rule().check(DomainPurity.classesOf("fr.grd.mes.contract"));
    }
}
