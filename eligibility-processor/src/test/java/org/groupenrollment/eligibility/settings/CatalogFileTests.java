package org.groupenrollment.eligibility.settings;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.groupenrollment.eligibility.EligibilityProcessorApplication;
import org.groupenrollment.eligibility.decision.EligibilityRules;
import org.groupenrollment.events.config.CatalogFiles;
import org.groupenrollment.events.config.GroupCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The processor's configuration files as a deployment meets them: the packaged catalog,
 * or one file of its own named by {@code enrollment.catalog}, validated at start-up.
 */
class CatalogFileTests {

    @TempDir
    Path dir;

    @Test
    void withoutACatalogFileThePackagedCatalogOffersEveryGroup() {
        try (ConfigurableApplicationContext context = start()) {
            EligibilityRules rules = context.getBean(EligibilitySettings.class)
                .rules(context.getBean(GroupCatalog.class));

            assertThat(rules.groups()).hasSize(9).containsKeys("anxiety", "ocd", "trauma-and-ptsd");
            assertThat(rules.licensedStates()).containsExactlyInAnyOrder("FL", "NY", "NJ");
        }
    }

    @Test
    void aDeploymentsCatalogFileReplacesThePackagedCatalogWhole() {
        String file = CatalogFiles.oneSmallCohortEach(dir, Map.of("ocd", 3));

        try (ConfigurableApplicationContext context = start("--enrollment.catalog=" + file)) {
            GroupCatalog catalog = context.getBean(GroupCatalog.class);

            assertThat(catalog.groups()).containsOnlyKeys("ocd");
            assertThat(catalog.groups().get("ocd").cohorts()).singleElement().satisfies(cohort -> {
                assertThat(cohort.capacity()).isEqualTo(3);
                assertThat(cohort.firstSession()).isEqualTo(LocalDate.of(2027, 1, 5));
            });
        }
    }

    @Test
    void aBrokenCatalogFileStopsTheStartNamingTheProperty() {
        String file = CatalogFiles.oneSmallCohortEach(dir, Map.of("ocd", 0));

        assertThatThrownBy(() -> start("--enrollment.catalog=" + file).close())
            .hasStackTraceContaining("groups[ocd].cohorts[0].capacity")
            .hasStackTraceContaining("must be greater than or equal to 1");
    }

    @Test
    void aGroupIdThatCouldBeMistakenForASeparatorStopsTheStartNamingTheRule() {
        String file = CatalogFiles.oneSmallCohortEach(dir, Map.of("Grief|Loss", 3));

        assertThatThrownBy(() -> start("--enrollment.catalog=" + file).close())
            .hasStackTraceContaining("must be 1 to 64 lower-case letters, digits and hyphens");
    }

    @Test
    void aZeroConfirmationWindowStopsTheStartNamingTheProperty() {
        assertThatThrownBy(() -> start("--enrollment.seats.confirmation-window=0s").close())
            .hasStackTraceContaining("seats.confirmationWindow");
    }

    @Test
    void aMissingCatalogFileStopsTheStartNamingTheFile() {
        Path missing = dir.resolve("nowhere.yml");

        assertThatThrownBy(() -> start("--enrollment.catalog=file:" + missing).close())
            .hasStackTraceContaining("nowhere.yml");
    }

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(SettingsOnly.class).web(WebApplicationType.NONE)
            .properties("spring.config.name=" + EligibilityProcessorApplication.CONFIG_NAME)
            .run(args);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ EligibilitySettings.class, GroupCatalog.class })
    static class SettingsOnly {

    }

}
