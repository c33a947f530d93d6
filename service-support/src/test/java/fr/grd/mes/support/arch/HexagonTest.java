package fr.grd.mes.support.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each rule the services check is seen failing on a fixture that breaks it. */
class HexagonTest {
    private static final String FIXTURE = "fr.grd.mes.support.archfixture";
    private final JavaClasses broken = new ClassFileImporter().importPackages(FIXTURE);

    @Test
    void domainPurityFailsOnADomainClassThatImportsSpring() {
        assertThatThrownBy(() -> Hexagon.domainIsPlainJava().check(broken)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("ImpureRule").hasMessageContaining("org.springframework.stereotype.Component");
    }

    @Test
    void portsRuleFailsOnAUseCaseThatUsesMongoTemplate() {
        assertThatThrownBy(() -> Hexagon.applicationUsesPortsOnly().check(broken)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeakyUseCase").hasMessageContaining("MongoTemplate");
    }

    @Test
    void layersRuleFailsOnADomainClassThatPointsAtAnAdapter() {
        assertThatThrownBy(() -> Hexagon.layers(FIXTURE).check(broken)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("ImpureRule").hasMessageContaining("FixtureController");
    }

    @Test
    void cyclesRuleFailsOnDomainAndAdapterPointingAtEachOther() {
        assertThatThrownBy(() -> Hexagon.freeOfCycles(FIXTURE).check(broken)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected");
    }

    @Test
    void thePlatformItselfIsFreeOfPackageCycles() {
        Hexagon.freeOfCycles("fr.grd.mes.support").check(Hexagon.classesOf("fr.grd.mes.support"));
    }
}
