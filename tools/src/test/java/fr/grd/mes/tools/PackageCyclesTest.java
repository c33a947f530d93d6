package fr.grd.mes.tools;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No package cycle inside any module of the reactor: this module's class path holds the main code of every other
 * one (Maven itself forbids cycles between modules), so each module's root package is checked here, the services'
 * and the console's also by their own architecture tests. A broken rule is seen failing in service-support's
 * HexagonTest.
 */
class PackageCyclesTest {
    /** Imported once: scanning the class path is what costs. */
    private static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("fr.grd.mes");

    @ParameterizedTest(name = "fr.grd.mes.{0}")
    @ValueSource(strings = {"events", "support", "client", "devidentity", "simulation", "localstack", "console", "files",
            "request", "scheduling", "billing", "contract", "tools"})
    void packagesOfEveryModuleAreFreeOfCycles(String root) {
        String base = "fr.grd.mes." + root;
        JavaClasses classes = ALL.that(JavaClass.Predicates.resideInAPackage(base + ".."));
        assertThat(classes).as(base + " is on this module's class path").isNotEmpty();
        // a slice per package, the root package included (a module with one package has nothing to cycle)
        slices().matching("fr.grd.mes.(**)").should().beFreeOfCycles().check(classes);
    }
}
