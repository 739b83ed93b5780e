package org.groupenrollment.events.config;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Every topic of the pipeline, as named in {@code enrollment-shared.yml}
 * ({@code enrollment.topics}). Bound once for every service
 * ({@link EnrollmentAutoConfiguration}); tools that are not Spring applications read the
 * same file with {@link #fromSharedConfiguration()}. Signups and seat requests are keyed
 * by group, on topics with the same partitions, so that one task owns each group; events
 * about a signup are keyed by its id, a group's availability and capacity changes by the
 * group. The processor declares every topic it writes or reads as the single writer; the
 * notifier its retry topics.
 */
@Validated
@ConfigurationProperties("enrollment.topics")
public record EnrollmentTopics(@NotBlank String signupsSubmitted, @NotBlank String seatsReserved,
        @NotBlank String signupsWaitlisted, @NotBlank String redirectedToDbt, @NotBlank String signupsDeadLetter,
        @NotBlank String seatRequests, @NotBlank String seatRequestsDeadLetter, @NotBlank String seatsConfirmed,
        @NotBlank String seatsReleased, @NotBlank String waitlistPlacesLeft, @NotBlank String capacityChanged,
        @NotBlank String groupAvailability, @NotBlank String places, @NotBlank String staffAudit,
        @NotBlank String emailResends, @NotBlank String dataKeys, @NotBlank String erasures, @Min(1) int partitions,
        @Min(1) short replicationFactor, @NotNull @Valid Retention retention) {

    /**
     * How long the topics keep their records: those that carry personal data only as long
     * as the provider needs them; the audit (staff's activity, erasures) as long as the
     * provider must keep it.
     */
    public record Retention(@NotNull Duration personalData, @NotNull Duration audit) {
    }

    /**
     * Every topic whose records carry a person's details (encrypted, with encryption on):
     * the signups, the decisions, what happened to places, and the dead letters of them
     * all. The key topic is not among them: compaction, not retention, ends its records.
     */
    public List<String> withPersonalData() {
        return Stream.of(Stream.of(signupsSubmitted), notified().stream(), deadLetters().stream())
            .flatMap(names -> names)
            .toList();
    }

    /** The three outcome topics, one per kind of decision. */
    public List<String> outcomes() {
        return List.of(seatsReserved, signupsWaitlisted, redirectedToDbt);
    }

    /** What happened to a place after the decision, one topic per kind of event. */
    public List<String> placeChanges() {
        return List.of(seatsConfirmed, seatsReleased, waitlistPlacesLeft);
    }

    /**
     * What the notifier appends to an event topic's name for its dead-letter topic; an
     * annotation attribute there, so a constant here.
     */
    public static final String NOTIFIER_DEAD_LETTER_SUFFIX = ".dlt";

    /** Every topic whose events the notifier turns into emails. */
    public List<String> notified() {
        return Stream.concat(outcomes().stream(), placeChanges().stream()).toList();
    }

    /**
     * Every dead-letter topic: the processor's two and the notifier's one per event
     * topic.
     */
    public List<String> deadLetters() {
        return Stream.concat(Stream.of(signupsDeadLetter, seatRequestsDeadLetter), notifierDeadLetters().stream())
            .toList();
    }

    /** The notifier's dead-letter topics, one per event topic it emails from. */
    public List<String> notifierDeadLetters() {
        return notified().stream().map(topic -> topic + NOTIFIER_DEAD_LETTER_SUFFIX).toList();
    }

    /** The topics as the packaged {@code enrollment-shared.yml} names them. */
    public static EnrollmentTopics fromSharedConfiguration() {
        return SharedConfiguration.bind(SharedConfiguration.SHARED, "enrollment.topics", EnrollmentTopics.class);
    }
}
