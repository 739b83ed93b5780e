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
import jakarta.validation.constraints.Pattern;
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
public record GroupCatalog(@NotEmpty Map<@Pattern(regexp = ID, message = ID_RULE) String, @Valid Group> groups) {

    /**
     * Group and cohort ids key records, state stores and links: lower-case letters,
     * digits and hyphens only, so that no id can be mistaken for a separator.
     */
    static final String ID = "[a-z0-9][a-z0-9-]{0,63}";

    static final String ID_RULE = "must be 1 to 64 lower-case letters, digits and hyphens, starting with a letter or digit";

    /**
     * The catalog packaged in {@code enrollment-catalog.yml}, for tools that are not
     * Spring applications.
     */
    public static GroupCatalog packaged() {
        return SharedConfiguration.bind(SharedConfiguration.CATALOG, "enrollment", GroupCatalog.class);
    }

    public record Group(@NotBlank String name, @NotEmpty List<@Valid Cohort> cohorts) {
    }

    public record Cohort(@NotBlank @Pattern(regexp = ID, message = ID_RULE) String id, @NotNull DayOfWeek day,
            @NotNull LocalTime start, @NotNull Duration duration, @NotNull ZoneId timeZone, @Min(1) int capacity,
            LocalDate firstSession) {
    }
}
