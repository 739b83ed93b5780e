package org.groupenrollment.signup;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A valid request with the id and time it was given when accepted: what the pipeline is
 * handed.
 */
public record SubmittedSignup(UUID signupId, Instant submittedAt, SignupRequest request,
        Optional<String> idempotencyKey, Channel channel) {
}
