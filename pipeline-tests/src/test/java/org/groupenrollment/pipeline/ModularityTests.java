package org.groupenrollment.pipeline;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The services share only the schemas; the eligibility rule is plain Java. */
class ModularityTests {

    private static final JavaClasses PIPELINE = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.groupenrollment");

    @Test
    void servicesDoNotDependOnEachOther() {
        slices().matching("org.groupenrollment.(signup|eligibility|notification)..")
            .should()
            .notDependOnEachOther()
            .check(PIPELINE);
    }

    @Test
    void theEligibilityDecisionIsAPureFunctionWithoutFrameworks() {
        noClasses().that()
            .resideInAPackage("org.groupenrollment.eligibility.decision..")
            .should()
            .dependOnClassesThat()
            .resideOutsideOfPackages("java..", "org.groupenrollment.eligibility.decision..")
            .check(PIPELINE);
    }

    @Test
    void theSharedContractsKnowNoService() {
        noClasses().that()
            .resideInAnyPackage("org.groupenrollment.events..", "org.groupenrollment.serde..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.groupenrollment.signup..", "org.groupenrollment.eligibility..",
                    "org.groupenrollment.notification..")
            .check(PIPELINE);
    }

    @Test
    void onlyTheKafkaEdgeOfTheProducerTalksToKafka() {
        noClasses().that()
            .resideInAPackage("org.groupenrollment.signup..")
            .and()
            .resideOutsideOfPackage("org.groupenrollment.signup.kafka..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..")
            .check(PIPELINE);
    }

}
