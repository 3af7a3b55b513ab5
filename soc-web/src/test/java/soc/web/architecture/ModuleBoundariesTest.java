package soc.web.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Module boundaries: services talk to each other only through Kafka topics and the shared schema
 * (soc-events); the web application uses the tenants and cases modules through their public classes;
 * parsers and rules stay framework-free.
 */
@AnalyzeClasses(packages = "soc", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    @ArchTest
    static final ArchRule schemaDependsOnNothingOfThePlatform = noClasses().that().resideInAPackage("soc.events..")
            .should().dependOnClassesThat().resideInAnyPackage("soc.ingest..", "soc.detect..", "soc.cases..",
                    "soc.tenants..", "soc.web..", "soc.infra..", "org.springframework..");

    @ArchTest
    static final ArchRule ingestDoesNotReachIntoOtherServices = noClasses().that().resideInAPackage("soc.ingest..")
            .should().dependOnClassesThat().resideInAnyPackage("soc.detect..", "soc.cases..", "soc.web..", "soc.infra..");

    @ArchTest
    static final ArchRule detectionDependsOnlyOnTheSchema = noClasses().that().resideInAPackage("soc.detect..")
            .should().dependOnClassesThat().resideInAnyPackage("soc.ingest..", "soc.cases..", "soc.tenants..",
                    "soc.web..", "soc.infra..");

    @ArchTest
    static final ArchRule webDoesNotUseOtherServicesCode = noClasses().that().resideInAPackage("soc.web..")
            .should().dependOnClassesThat().resideInAnyPackage("soc.ingest..", "soc.infra..");

    /** The web app validates custom Sigma rules and translates them for retro-hunts with the plain-Java Sigma parser only. */
    @ArchTest
    static final ArchRule webUsesOnlyTheSigmaParserOfDetection = noClasses().that().resideInAPackage("soc.web..")
            .should().dependOnClassesThat(com.tngtech.archunit.core.domain.JavaClass.Predicates
                    .resideInAPackage("soc.detect..")
                    .and(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage("soc.detect.sigma..")));

    @ArchTest
    static final ArchRule casesDoNotDependOnServices = noClasses().that().resideInAPackage("soc.cases..")
            .should().dependOnClassesThat().resideInAnyPackage("soc.ingest..", "soc.detect..", "soc.web..", "soc.infra..");

    @ArchTest
    static final ArchRule tenantsAreTheFoundationOfOthers = noClasses().that().resideInAPackage("soc.tenants..")
            .should().dependOnClassesThat().resideInAnyPackage("soc.ingest..", "soc.detect..", "soc.cases..",
                    "soc.web..", "soc.infra..");

    @ArchTest
    static final ArchRule parsersAndRulesAreFrameworkFree = noClasses().that()
            .resideInAnyPackage("soc.ingest.parse..", "soc.detect.sigma..", "soc.detect.rules..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..");

    @ArchTest
    static final ArchRule onlyTheRuntimeUsesTheTestInfrastructure = noClasses().that().resideOutsideOfPackage("soc.infra..")
            .should().dependOnClassesThat().resideInAPackage("soc.infra..");
}
