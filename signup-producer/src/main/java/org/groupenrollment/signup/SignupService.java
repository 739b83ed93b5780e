package org.groupenrollment.signup;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Turns a valid request into a published signup, once per idempotency key. */
@Service
public class SignupService {

    private static final Logger log = LoggerFactory.getLogger(SignupService.class);

    private final SignupPublisher publisher;

    private final IdempotencyKeys idempotencyKeys;

    private final Clock clock;

    SignupService(SignupPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
        this.idempotencyKeys = new IdempotencyKeys(100_000, Duration.ofHours(24), clock);
    }

    public UUID submit(SignupRequest request, Optional<String> idempotencyKey, Channel channel)
            throws SignupPublisher.PublishFailedException {
        if (idempotencyKey.isPresent()) {
            Optional<IdempotencyKeys.Entry> earlier = idempotencyKeys.find(idempotencyKey.get());
            if (earlier.isPresent()) {
                if (!earlier.get().request().equals(request)) {
                    throw new IdempotencyKeyReusedException();
                }
                log.debug("Idempotent replay of signup {}", earlier.get().signupId());
                return earlier.get().signupId();
            }
        }
        UUID signupId = UUID.randomUUID();
        publisher.publish(new SubmittedSignup(signupId, clock.instant(), request, idempotencyKey, channel));
        idempotencyKey.ifPresent(key -> idempotencyKeys.remember(key, signupId, request));
        log.info("Signup {} submitted via {}", signupId, channel);
        return signupId;
    }

    /**
     * The same Idempotency-Key came with a different request: a client bug, never a
     * retry.
     */
    public static class IdempotencyKeyReusedException extends RuntimeException {

        IdempotencyKeyReusedException() {
            super("The Idempotency-Key was already used for a different signup");
        }

    }

}
