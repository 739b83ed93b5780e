package org.groupenrollment.signup;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.groupenrollment.events.config.HmacKeys;
import org.groupenrollment.events.contact.PersonKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Turns a valid request into a published signup, once per idempotency key. The signup id
 * of a request with a key is a keyed hash of the key, the same on every instance and
 * after a restart, so a retry that reaches another instance, or races the first attempt,
 * publishes the same signup again and the processor's own deduplication makes it a no-op.
 * The memory of recent keys only adds the check that a key is not reused for another
 * signup.
 */
@Service
public class SignupService {

    private static final Logger log = LoggerFactory.getLogger(SignupService.class);

    private final SignupPublisher publisher;

    private final IdempotencyKeys idempotencyKeys;

    private final HmacKeys hmacKeys;

    private final PersonKeys personKeys;

    private final Clock clock;

    SignupService(SignupPublisher publisher, HmacKeys hmacKeys, Clock clock) {
        this.publisher = publisher;
        this.hmacKeys = hmacKeys;
        this.personKeys = new PersonKeys(hmacKeys);
        this.clock = clock;
        this.idempotencyKeys = new IdempotencyKeys(100_000, Duration.ofHours(24), clock);
    }

    public UUID submit(SignupRequest request, Optional<IdempotencyKey> idempotencyKey, Channel channel)
            throws SignupPublisher.PublishFailedException {
        if (idempotencyKey.isPresent()) {
            Optional<IdempotencyKeys.Entry> earlier = idempotencyKeys.find(idempotencyKey.get().value());
            if (earlier.isPresent()) {
                if (!earlier.get().requestDigest().equals(digest(request))) {
                    throw new IdempotencyKeyReusedException();
                }
                log.debug("Idempotent replay of signup {}", earlier.get().signupId());
                return earlier.get().signupId();
            }
        }
        UUID signupId = idempotencyKey.map(key -> hmacKeys.uuid("signup-id", key.value())).orElseGet(UUID::randomUUID);
        publisher.publish(new SubmittedSignup(signupId, clock.instant(), request,
                idempotencyKey.map(IdempotencyKey::value), channel, personKeys.candidates(request.email())));
        idempotencyKey.ifPresent(key -> idempotencyKeys.remember(key.value(), signupId, digest(request)));
        log.info("Signup {} submitted via {}", signupId, channel);
        return signupId;
    }

    /** What a request held, as a keyed hash: the same request, the same digest. */
    private String digest(SignupRequest request) {
        return hmacKeys.hex("idempotent-request", String.join("\u0000", request.firstName(), request.lastName(),
                request.email(), String.valueOf(request.phone()), request.state(), request.group()));
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
