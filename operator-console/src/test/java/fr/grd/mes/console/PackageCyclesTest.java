package fr.grd.mes.console;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** No cycle between the packages of this module (the rule every service checks with {@code Hexagon}). */
class PackageCyclesTest {
    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("fr.grd.mes.console.(**)").should().beFreeOfCycles()
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("fr.grd.mes.console"));
    }
}
