package dustwatch.ingest;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** ingest depends on no other service, and its features (platform, registry, push, readings) form no cycle. */
class ArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dustwatch.ingest");

    @Test
    void noOtherServiceIsUsed() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "dustwatch.risk..", "dustwatch.alert..", "dustwatch.disposal..", "dustwatch.gateway..", "dustwatch.deploy..")
                .check(CLASSES);
    }

    @Test
    void featuresHaveNoCycles() {
        slices().matching("dustwatch.ingest.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theImportSawTheFeatures() {
        // guards against a vacuous pass: the rules above must have had classes to look at
        org.assertj.core.api.Assertions.assertThat(CLASSES.containPackage("dustwatch.ingest.push")).isTrue();
        org.assertj.core.api.Assertions.assertThat(CLASSES.containPackage("dustwatch.ingest.readings.messaging")).isTrue();
    }
}
