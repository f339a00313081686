package dev.wharf.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.ws.rs.Path;
import java.util.regex.Pattern;

/**
 * The module walls of ARCHITECTURE.md, checked on the production classes. Rules whose subject classes may not
 * exist yet carry {@code allowEmptyShould(true)}; the others must find classes, so a wrong package name fails.
 */
@AnalyzeClasses(
        packages = "dev.wharf",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.DoNotIncludeTestJars.class})
class ArchitectureTest {

    // Rules 1 and 2 also keep framework annotations (jakarta, javax, Jackson) out of domain and application.
    @ArchTest
    static final ArchRule domainDependsOnlyOnJava = classes()
            .that()
            .resideInAPackage("dev.wharf.domain..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "dev.wharf.domain..")
            .because("the domain is the plain model: only java.*, no framework, no annotations from outside");

    // allowEmptyShould: the application layer may still be empty.
    @ArchTest
    static final ArchRule applicationDependsOnlyOnJavaAndDomain = classes()
            .that()
            .resideInAPackage("dev.wharf.application..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "dev.wharf.domain..", "dev.wharf.application..")
            .because("use cases and ports speak only the domain; technology stays behind the ports")
            .allowEmptyShould(true);

    // allowEmptyShould: adapters may still be empty.
    @ArchTest
    static final ArchRule adapterGroupsAreIndependent = slices().matching("dev.wharf.adapters.(*).(*)..")
            .namingSlices("adapters.$1.$2")
            .should()
            .notDependOnEachOther()
            .because("adapters meet only through application ports, so each can be replaced on its own")
            .allowEmptyShould(true);

    // allowEmptyShould: the engines may still be empty.
    @ArchTest
    static final ArchRule provisioningEnginesAreIndependent = slices().matching(
                    "dev.wharf.adapters.out.provisioning.(*)..")
            .namingSlices("provisioning.$1")
            .should()
            .notDependOnEachOther()
            .because("each warehouse engine (h2, postgres, duckgres) is a separate WarehouseEngine implementation")
            .allowEmptyShould(true);

    // Strict for now: an engine health check outside adapters.in would need an explicit exception here.
    @ArchTest
    static final ArchRule webFrameworkOnlyAtTheEdge = noClasses()
            .that()
            .resideOutsideOfPackages("dev.wharf.adapters.in..", "dev.wharf.bootstrap..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("jakarta.ws.rs..", "io.dropwizard..")
            .because("HTTP and Dropwizard belong to the inbound adapters and to the wiring in bootstrap");

    @ArchTest
    static final ArchRule persistenceFrameworksOnlyInJdbiAdapter = noClasses()
            .that()
            .resideOutsideOfPackages("dev.wharf.adapters.out.jdbi..", "dev.wharf.bootstrap..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.jdbi..", "org.flywaydb..")
            .because("JDBI and Flyway are the persistence adapter's business; bootstrap only builds them");

    @ArchTest
    static final ArchRule noCyclesBetweenTopLevelPackages = slices().matching("dev.wharf.(*)..")
            .should()
            .beFreeOfCycles()
            .because("dependencies point inward: bootstrap -> adapters -> application -> domain");

    // allowEmptyShould: there may be no resources yet.
    @ArchTest
    static final ArchRule pathClassesAreResources = classes()
            .that()
            .areAnnotatedWith(Path.class)
            .should()
            .haveSimpleNameEndingWith("Resource")
            .because("Dropwizard's naming: a JAX-RS endpoint class is an XxxResource")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule noUrlsInside = noClasses()
            .that()
            .resideInAnyPackage("dev.wharf.domain..", "dev.wharf.application..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("java.net..")
            .because("addresses, links and their encoding belong to the adapters (the REST adapter builds the next"
                    + " and previous links from the application's Paging); the inside speaks values, not URLs");

    @ArchTest
    static final ArchRule inboundPortsAreCapabilities = noClasses()
            .should()
            .haveSimpleNameEndingWith("UseCase")
            .because("an inbound port is one interface per capability a service offers (WarehouseLifecycle,"
                    + " RootPasswordReset), with a method per operation: not one single-method interface per call");

    @ArchTest
    static final ArchRule inboundPortsAreImplementedByServices = classes()
            .that()
            .implement(JavaClass.Predicates.resideInAPackage("dev.wharf.application.port.in.."))
            .and()
            .areNotAnonymousClasses()
            .should()
            .resideInAPackage("dev.wharf.application.service..")
            .andShould()
            .haveNameMatching(".*\\.[A-Za-z]+(Service|Worker)")
            .because("a capability is offered by an XxxService (or the provisioning worker) in"
                    + " application.service.<feature>; adapters only call it");

    @ArchTest
    static final ArchRule featuresMeetOnlyThroughPorts = slices().matching("dev.wharf.application.service.(*)..")
            .should()
            .notDependOnEachOther()
            .because("each feature's services (warehouse, provisioning, job, activity, usage, admin, auth, audit, dev)"
                    + " reach another feature only through its ports, so a feature reads and changes on its own");

    @ArchTest
    static final ArchRule onlyBootstrapNamesServices = noClasses()
            .that()
            .resideOutsideOfPackages("dev.wharf.bootstrap..", "dev.wharf.application.service..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.wharf.application.service..")
            .because("adapters see only ports; only the wiring in bootstrap names a service class");

    /**
     * In a reactor build the adapters' and application's test-jars (test support, fakes, contracts) arrive as
     * {@code *-tests.jar}, which {@link ImportOption.DoNotIncludeTests} does not recognise.
     */
    static final class DoNotIncludeTestJars implements ImportOption {
        private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar!/.*");

        @Override
        public boolean includes(Location location) {
            return !location.matches(TEST_JAR);
        }
    }
}
