package fr.grd.mes.support.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The rule every service checks: the rules of the seed ({@code ..domain..}) are plain Java, importing no
 * Spring, Kafka, MongoDB or Jackson type. Shared by the services through this module's test jar.
 */
public final class DomainPurity {
    private DomainPurity() {
    }

    public static ArchRule rule() {
        return noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                        "com.mongodb..", "org.bson..", "tools.jackson..", "jakarta.persistence..")
                .as("domain classes import no Spring, Kafka, MongoDB or Jackson type");
    }

    public static JavaClasses classesOf(String basePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }
}
