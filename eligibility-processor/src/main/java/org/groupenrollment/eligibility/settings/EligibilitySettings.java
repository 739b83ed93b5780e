package org.groupenrollment.eligibility.settings;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.groupenrollment.eligibility.decision.Cohort;
import org.groupenrollment.eligibility.decision.EligibilityRules;
import org.groupenrollment.eligibility.decision.TherapyGroup;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The rules as configuration ({@code enrollment.*}, shared with the other services
 * through {@code enrollment-shared.yml} in the schemas module). Validated at start-up, so
 * a broken catalog stops the processor with a message naming the property instead of
 * deciding wrongly.
 */
@Validated
@ConfigurationProperties("enrollment")
public record EligibilitySettings(@NotBlank String ruleVersion,
        @NotEmpty Set<@Pattern(regexp = "[A-Z]{2}",
                message = "must be a two-letter US postal code") String> licensedStates,
        @NotEmpty Map<String, @Valid GroupSettings> groups, @NotNull @Valid TopicSettings topics) {

    public record GroupSettings(@NotBlank String name, @NotEmpty List<@Valid CohortSettings> cohorts) {
    }

    public record CohortSettings(@NotBlank String id, @NotNull DayOfWeek day, @NotNull LocalTime start,
            @NotNull Duration duration, @NotNull ZoneId timeZone, @Min(1) int capacity, LocalDate firstSession) {
    }

    public record TopicSettings(@NotBlank String signupsSubmitted, @NotBlank String seatsReserved,
            @NotBlank String signupsWaitlisted, @NotBlank String redirectedToDbt, @NotBlank String signupsDeadLetter,
            @Min(1) int partitions, @Min(1) short replicationFactor) {
    }

    public EligibilityRules toRules() {
        Map<String, TherapyGroup> catalog = new LinkedHashMap<>();
        groups.forEach((id, group) -> catalog.put(id,
                new TherapyGroup(id, group.name(),
                        group.cohorts()
                            .stream()
                            .map(c -> new Cohort(c.id(), c.day(), c.start(), c.duration(), c.timeZone(), c.capacity(),
                                    c.firstSession()))
                            .toList())));
        return new EligibilityRules(ruleVersion, licensedStates, catalog);
    }
}
