package dustwatch.risk;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The risk engine's boundaries: no other service's code, no cycles between its features. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dustwatch.risk");

    @Test
    void dependsOnNoOtherService() {
        noClasses().that().resideInAPackage("dustwatch.risk..")
                .should().dependOnClassesThat().resideInAnyPackage("dustwatch.ingest..", "dustwatch.alert..",
                        "dustwatch.disposal..", "dustwatch.gateway..", "dustwatch.deploy..")
                .check(CLASSES);
    }

    @Test
    void featuresHaveNoCycles() {
        slices().matching("dustwatch.risk.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theDomainFeaturesKnowNothingOfKafkaStreamsOrTheWeb() {
        noClasses().that().resideInAnyPackage("dustwatch.risk.alarm..", "dustwatch.risk.model..", "dustwatch.risk.warning..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka.streams..", "org.springframework.web..",
                        "dustwatch.risk.stream..")
                .check(CLASSES);
    }
}
