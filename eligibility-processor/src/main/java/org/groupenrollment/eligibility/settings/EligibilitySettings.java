package org.groupenrollment.eligibility.settings;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.groupenrollment.eligibility.decision.Cohort;
import org.groupenrollment.eligibility.decision.EligibilityRules;
import org.groupenrollment.eligibility.decision.TherapyGroup;
import org.groupenrollment.events.config.GroupCatalog;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The rules besides the catalog ({@code enrollment.*} in {@code enrollment-shared.yml}
 * and {@code eligibility-processor.yml}): which version of them decides, where the
 * therapists are licensed, and whether seats are held for confirmation. Validated at
 * start-up, so a broken setting stops the processor with a message naming the property
 * instead of deciding wrongly.
 */
@Validated
@ConfigurationProperties("enrollment")
public record EligibilitySettings(@NotBlank String ruleVersion, @NotEmpty Set<@Pattern(regexp = "[A-Z]{2}",
        message = "must be a two-letter US postal code") String> licensedStates, @Valid @NotNull Seats seats) {

    /**
     * {@code enrollment.seats}: whether a seat given is held for its person to confirm,
     * for how long, and how often the processor looks for holds that ran out.
     */
    public record Seats(boolean confirmationRequired, @NotNull @DurationMin(seconds = 1) Duration confirmationWindow,
            @NotNull @DurationMin(millis = 10) Duration expiryCheck) {
    }

    /** The policy's view of these settings and the catalog. */
    public EligibilityRules rules(GroupCatalog catalog) {
        Map<String, TherapyGroup> groups = new LinkedHashMap<>();
        catalog.groups()
            .forEach((id, group) -> groups.put(id,
                    new TherapyGroup(id, group.name(),
                            group.cohorts()
                                .stream()
                                .map(c -> new Cohort(c.id(), c.day(), c.start(), c.duration(), c.timeZone(),
                                        c.capacity(), c.firstSession()))
                                .toList())));
        return new EligibilityRules(ruleVersion, licensedStates, groups,
                seats.confirmationRequired() ? seats.confirmationWindow() : null);
    }
}
