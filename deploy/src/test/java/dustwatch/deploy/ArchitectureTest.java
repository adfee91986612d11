package dustwatch.deploy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The launcher talks to the services only over HTTP and Kafka: it never imports their code. */
class ArchitectureTest {
    @Test
    void deployDoesNotImportServiceCode() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dustwatch.deploy");
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("dustwatch.ingest..", "dustwatch.risk..", "dustwatch.alert..", "dustwatch.disposal..",
                        "dustwatch.gateway..")
                .check(classes);
    }
}
