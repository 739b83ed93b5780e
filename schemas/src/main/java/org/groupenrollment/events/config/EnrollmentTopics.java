package org.groupenrollment.events.config;

import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Every topic of the pipeline, as named in {@code enrollment-shared.yml}
 * ({@code enrollment.topics}). Bound once for every service
 * ({@link EnrollmentAutoConfiguration}); tools that are not Spring applications read the
 * same file with {@link #fromSharedConfiguration()}. Signups are keyed by group, outcomes
 * by signup id; the processor declares the signups, outcome and dead-letter topics, the
 * notifier its retry topics.
 */
@Validated
@ConfigurationProperties("enrollment.topics")
public record EnrollmentTopics(@NotBlank String signupsSubmitted, @NotBlank String seatsReserved,
        @NotBlank String signupsWaitlisted, @NotBlank String redirectedToDbt, @NotBlank String signupsDeadLetter,
        @Min(1) int partitions, @Min(1) short replicationFactor) {

    /** The three outcome topics, one per kind of decision. */
    public List<String> outcomes() {
        return List.of(seatsReserved, signupsWaitlisted, redirectedToDbt);
    }

    /** The topics as the packaged {@code enrollment-shared.yml} names them. */
    public static EnrollmentTopics fromSharedConfiguration() {
        return SharedConfiguration.bind(SharedConfiguration.SHARED, "enrollment.topics", EnrollmentTopics.class);
    }
}
