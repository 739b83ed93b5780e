package org.groupenrollment.signup;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A valid request with the id and time it was given when accepted, and its person's keyed
 * hashes (current secret first): what the pipeline is handed.
 */
public record SubmittedSignup(UUID signupId, Instant submittedAt, SignupRequest request,
        Optional<String> idempotencyKey, Channel channel, List<String> personKeys) {
}
