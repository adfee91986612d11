package dustwatch.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The gateway reaches the services over HTTP only, and its feature packages do not depend on each other in a cycle. */
class ArchitectureTest {

    static final JavaClasses GATEWAY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dustwatch.gateway");

    @Test
    void noOtherServiceIsImported() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "dustwatch.ingest..", "dustwatch.risk..", "dustwatch.alert..", "dustwatch.disposal..",
                        "dustwatch.deploy..", "dustwatch.support..")
                .check(GATEWAY);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("dustwatch.gateway.(*)..").should().beFreeOfCycles().check(GATEWAY);
    }

    @Test
    void edgeSecurityAndRoutingStayApart() {
        noClasses().that().resideInAPackage("dustwatch.gateway.edge..")
                .should().dependOnClassesThat().resideInAPackage("dustwatch.gateway.routing..")
                .check(GATEWAY);
        noClasses().that().resideInAPackage("dustwatch.gateway.routing..")
                .should().dependOnClassesThat().resideInAPackage("dustwatch.gateway.edge..")
                .check(GATEWAY);
    }
}
