package org.groupenrollment.events.config;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The therapy groups on offer, by id, each with its weekly cohorts and their seats, as
 * {@code enrollment-catalog.yml} (or the deployment's own file,
 * {@code enrollment.catalog}) states them. Validated when bound, so a broken catalog
 * stops a service at start-up with a message naming the property. Each service maps it to
 * its own view.
 */
@Validated
@ConfigurationProperties("enrollment")
public record GroupCatalog(@NotEmpty Map<String, @Valid Group> groups) {

    /**
     * The catalog packaged in {@code enrollment-catalog.yml}, for tools that are not
     * Spring applications.
     */
    public static GroupCatalog packaged() {
        return SharedConfiguration.bind(SharedConfiguration.CATALOG, "enrollment", GroupCatalog.class);
    }

    public record Group(@NotBlank String name, @NotEmpty List<@Valid Cohort> cohorts) {
    }

    public record Cohort(@NotBlank String id, @NotNull DayOfWeek day, @NotNull LocalTime start,
            @NotNull Duration duration, @NotNull ZoneId timeZone, @Min(1) int capacity, LocalDate firstSession) {
    }
}
