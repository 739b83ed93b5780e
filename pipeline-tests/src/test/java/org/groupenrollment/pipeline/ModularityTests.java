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
        slices().matching("org.groupenrollment.(signup|eligibility|notification|console)..")
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
                    "org.groupenrollment.notification..", "org.groupenrollment.console..")
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

    /**
     * Avro is the wire format: each service maps it at its Kafka edge and works with its
     * own types inside.
     */
    @Test
    void eachServiceMapsTheEventsAtItsKafkaEdge() {
        noClasses().that()
            .resideInAnyPackage("org.groupenrollment.signup..", "org.groupenrollment.notification..",
                    "org.groupenrollment.eligibility..", "org.groupenrollment.console..")
            .and()
            .resideOutsideOfPackages("org.groupenrollment.signup.kafka..", "org.groupenrollment.notification.kafka..",
                    "org.groupenrollment.eligibility.streams..", "org.groupenrollment.console.kafka..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.groupenrollment.events")
            .check(PIPELINE);
    }

    @Test
    void onlyTheKafkaEdgeOfTheConsoleTalksToKafka() {
        noClasses().that()
            .resideInAPackage("org.groupenrollment.console..")
            .and()
            .resideOutsideOfPackage("org.groupenrollment.console.kafka..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..")
            .check(PIPELINE);
    }

    @Test
    void onlyTheMailEdgeOfTheNotifierKnowsTemplatesAndSmtp() {
        noClasses().that()
            .resideInAPackage("org.groupenrollment.notification..")
            .and()
            .resideOutsideOfPackage("org.groupenrollment.notification.mail..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.thymeleaf..", "jakarta.mail..", "org.springframework.mail..")
            .check(PIPELINE);
    }

}
