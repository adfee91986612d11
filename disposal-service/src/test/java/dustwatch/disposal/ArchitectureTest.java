package dustwatch.disposal;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** disposal-service imports no other service's code, and its features do not depend on each other in a cycle. */
class ArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dustwatch.disposal");

    @Test
    void noOtherServicesCode() {
        noClasses().that().resideInAPackage("dustwatch.disposal..")
                .should().dependOnClassesThat().resideInAnyPackage("dustwatch.ingest..", "dustwatch.risk..",
                        "dustwatch.alert..", "dustwatch.gateway..", "dustwatch.deploy..")
                .check(CLASSES);
    }

    @Test
    void featuresHaveNoCycles() {
        slices().matching("dustwatch.disposal.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theDomainDoesNotKnowItsAdapters() {
        noClasses().that().resideInAPackage("dustwatch.disposal.warning")
                .should().dependOnClassesThat().resideInAnyPackage("dustwatch.disposal.warning.web..",
                        "dustwatch.disposal.warning.persistence..", "dustwatch.disposal.warning.messaging..")
                .check(CLASSES);
    }
}
