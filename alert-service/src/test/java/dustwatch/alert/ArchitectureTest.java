package dustwatch.alert;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * alert-service uses no other service's code, and its features (routing, roster, maintenance, delivery, channel,
 * console) form no cycle; only routing's web adapter (the preview) looks at rosters and holds.
 */
@AnalyzeClasses(packages = "dustwatch.alert", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule noOtherService = noClasses().that().resideInAPackage("dustwatch.alert..")
            .should().dependOnClassesThat().resideInAnyPackage("dustwatch.ingest..", "dustwatch.risk..",
                    "dustwatch.disposal..", "dustwatch.gateway..", "dustwatch.deploy..");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("dustwatch.alert.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule routingKnowsNoAdapter = noClasses().that().resideInAPackage("dustwatch.alert.routing..")
            .and().resideOutsideOfPackage("dustwatch.alert.routing.web..")
            .should().dependOnClassesThat().resideInAnyPackage("dustwatch.alert.delivery..", "dustwatch.alert.console..",
                    "org.springframework.kafka..", "org.springframework.web..");

    @ArchTest
    static final ArchRule deliveryKnowsNoChannelAdapter = noClasses().that().resideInAPackage("dustwatch.alert.delivery..")
            .should().dependOnClassesThat().resideInAnyPackage("dustwatch.alert.channel..");
}
