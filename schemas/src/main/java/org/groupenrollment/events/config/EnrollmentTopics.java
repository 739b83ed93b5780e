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
 * same file with {@link #fromSharedConfiguration()}. Signups and seat requests are keyed
 * by group, outcomes and lifecycle events by signup id, availability by group; the
 * processor declares all of them but the notifier's retry topics.
 */
@Validated
@ConfigurationProperties("enrollment.topics")
public record EnrollmentTopics(@NotBlank String signupsSubmitted, @NotBlank String seatsReserved,
        @NotBlank String signupsWaitlisted, @NotBlank String redirectedToDbt, @NotBlank String signupsDeadLetter,
        @NotBlank String seatRequests, @NotBlank String seatRequestsDeadLetter, @NotBlank String seatsConfirmed,
        @NotBlank String seatsReleased, @NotBlank String waitlistPlacesLeft, @NotBlank String capacitiesChanged,
        @NotBlank String groupAvailability, @Min(1) int partitions, @Min(1) short replicationFactor) {

    /** The three outcome topics, one per kind of decision. */
    public List<String> outcomes() {
        return List.of(seatsReserved, signupsWaitlisted, redirectedToDbt);
    }

    /** The events about a place after its decision, one topic per kind. */
    public List<String> lifecycle() {
        return List.of(seatsConfirmed, seatsReleased, waitlistPlacesLeft);
    }

    /** The topics as the packaged {@code enrollment-shared.yml} names them. */
    public static EnrollmentTopics fromSharedConfiguration() {
        return SharedConfiguration.bind(SharedConfiguration.SHARED, "enrollment.topics", EnrollmentTopics.class);
    }
}
