package fr.grd.mes.support.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape every service keeps (ports and adapters), shared through this module's test jar:
 * <ul>
 *   <li>{@code domain}: the rules of the seed, plain Java — no Spring, Kafka, MongoDB or Jackson type;</li>
 *   <li>{@code application}: one use case per command or event, behind ports it declares (a repository per
 *   aggregate, the event publisher); it reaches no store, broker or HTTP type and no adapter;</li>
 *   <li>{@code adapter.in.*} and {@code adapter.out.*}: the only places that know Spring MVC, Kafka,
 *   MongoDB, files; {@code config}: wiring.</li>
 * </ul>
 * and, in every module, no package cycle.
 */
public final class Hexagon {
    private static final String[] FRAMEWORKS = {"org.springframework..", "org.apache.kafka..", "com.mongodb..",
            "org.bson..", "tools.jackson..", "com.fasterxml.jackson..", "jakarta.persistence..", "jakarta.servlet.."};
    /** What an application service may not touch: storage, messaging and HTTP, and the platform's adapters. */
    private static final String[] INFRASTRUCTURE = {"org.springframework.data..", "org.springframework.kafka..",
            "org.springframework.web..", "org.springframework.http..", "org.springframework.dao..",
            "org.apache.kafka..", "com.mongodb..", "org.bson..", "tools.jackson..", "com.fasterxml.jackson..",
            "jakarta.servlet..", "fr.grd.mes.support.web..", "fr.grd.mes.support.mongo..",
            "fr.grd.mes.support.kafka..", "fr.grd.mes.support.projection..",
            "fr.grd.mes.support.flowfile.."};

    private Hexagon() {
    }

    /** Domain classes import no framework type. */
    public static ArchRule domainIsPlainJava() {
        return noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .as("domain classes import no Spring, Kafka, MongoDB or Jackson type");
    }

    /** Application classes reach storage, messaging and HTTP only through their ports. */
    public static ArchRule applicationUsesPortsOnly() {
        return noClasses().that().resideInAPackage("..application..")
                .should().dependOnClassesThat().resideInAnyPackage(INFRASTRUCTURE)
                .as("application classes use no store, broker or HTTP type (they declare ports)");
    }

    /** domain ← application ← adapters ← config (the service's wiring), nothing pointing back. */
    public static ArchRule layers(String basePackage) {
        return Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Domain").definedBy(basePackage + ".domain..")
                .layer("Application").definedBy(basePackage + ".application..")
                .layer("Adapters").definedBy(basePackage + ".adapter..")
                .layer("Wiring").definedBy(basePackage + ".config..", basePackage)
                .whereLayer("Wiring").mayNotBeAccessedByAnyLayer()
                .whereLayer("Adapters").mayOnlyBeAccessedByLayers("Wiring")
                .whereLayer("Application").mayOnlyBeAccessedByLayers("Adapters", "Wiring")
                .whereLayer("Domain").mayOnlyBeAccessedByLayers("Application", "Adapters", "Wiring")
                .as("a service's layers point inwards: config → adapters → application → domain");
    }

    /** No cycle between the packages directly under {@code basePackage} (and their sub-packages). */
    public static ArchRule freeOfCycles(String basePackage) {
        return slices().matching(basePackage + ".(**)").should().beFreeOfCycles()
                .as("the packages of " + basePackage + " are free of cycles");
    }

    /** Every rule of a service module. */
    public static List<ArchRule> serviceRules(String basePackage) {
        return List.of(domainIsPlainJava(), applicationUsesPortsOnly(), layers(basePackage),
                freeOfCycles(basePackage));
    }

    public static void check(String basePackage) {
        JavaClasses classes = classesOf(basePackage);
        for (ArchRule rule : serviceRules(basePackage)) {
            rule.check(classes);
        }
    }

    public static JavaClasses classesOf(String basePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }
}
