package fr.grd.mes.support.arch;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DomainPurityTest {
    @Test
    void theRuleFailsOnADomainClassThatImportsSpring() {
        var impure = new ClassFileImporter().importPackages("fr.grd.mes.support.archfixture");
        assertThatThrownBy(() -> DomainPurity.rule().check(impure)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("ImpureRule");
    }
}
