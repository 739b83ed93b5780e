package org.groupenrollment.signup.kafka;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.groupenrollment.events.SignupSource;
import org.groupenrollment.events.SignupSubmitted;
import org.groupenrollment.signup.Channel;
import org.groupenrollment.signup.SignupRequest;
import org.groupenrollment.signup.SubmittedSignup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The edge where a signup becomes the SignupSubmitted event the processor reads. */
class SignupEventMappingTests {

    private static final Instant SUBMITTED_AT = Instant.parse("2026-12-01T18:00:00Z");

    @Test
    void everyFieldOfAFormSignupReachesTheEventWithNamesTrimmed() {
        UUID id = UUID.randomUUID();
        SignupRequest request = new SignupRequest(" Maya ", "Lindqvist  ", " maya@example.org ", " +1 212 555 0100 ",
                "NY", "anxiety");

        SignupSubmitted event = KafkaSignupPublisher.toEvent(new SubmittedSignup(id, SUBMITTED_AT, request,
                Optional.of("form-key"), Channel.WEB_FORM, List.of("a".repeat(64), "b".repeat(64))));

        assertThat(event.getSignupId()).isEqualTo(id);
        assertThat(event.getSubmittedAt()).isEqualTo(SUBMITTED_AT);
        assertThat(event.getApplicant().getFirstName()).isEqualTo("Maya");
        assertThat(event.getApplicant().getLastName()).isEqualTo("Lindqvist");
        assertThat(event.getApplicant().getEmail()).isEqualTo("maya@example.org");
        assertThat(event.getApplicant().getPhone()).isEqualTo("+1 212 555 0100");
        assertThat(event.getStateOfResidence()).isEqualTo("NY");
        assertThat(event.getRequestedGroup()).isEqualTo("anxiety");
        assertThat(event.getIdempotencyKey()).isEqualTo("form-key");
        assertThat(event.getSource()).isEqualTo(SignupSource.WEB_FORM);
        assertThat(event.getPersonKeys()).containsExactly("a".repeat(64), "b".repeat(64));
    }

    @Test
    void anApiSignupWithoutPhoneOrKeyLeavesThemOut() {
        SignupRequest request = new SignupRequest("Luis", "Herrera", "luis@example.org", "", "TX", "anxiety");

        SignupSubmitted event = KafkaSignupPublisher.toEvent(new SubmittedSignup(UUID.randomUUID(), SUBMITTED_AT,
                request, Optional.empty(), Channel.API, List.of("c".repeat(64))));

        assertThat(event.getApplicant().getPhone()).isNull();
        assertThat(event.getIdempotencyKey()).isNull();
        assertThat(event.getSource()).isEqualTo(SignupSource.API);
    }

}
