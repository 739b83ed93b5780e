package org.groupenrollment.signup;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.groupenrollment.events.config.EnrollmentSecrets;
import org.groupenrollment.events.config.HmacKeys;
import org.groupenrollment.events.contact.PersonKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignupServiceTests {

    private static final SignupRequest MAYA = new SignupRequest("Maya", "Lindqvist", "maya@example.org", null, "NY",
            "anxiety");

    private static final HmacKeys KEYS = keys(new byte[32]);

    private final List<SubmittedSignup> published = new ArrayList<>();

    @Test
    void aRetryThatReachesAnotherInstanceOrARestartedOneIsTheSameSignup() throws Exception {
        SignupService first = new SignupService(published::add, KEYS, Clock.systemUTC());
        SignupService second = new SignupService(published::add, KEYS, Clock.systemUTC());

        UUID original = first.submit(MAYA, Optional.of(new IdempotencyKey("retry-1")), Channel.API);
        UUID retried = second.submit(MAYA, Optional.of(new IdempotencyKey("retry-1")), Channel.API);

        assertThat(retried).isEqualTo(original);
        assertThat(published).extracting(SubmittedSignup::signupId).containsOnly(original);
    }

    /**
     * Both requests are in flight at once: each has missed the other's memory of the key.
     */
    @Test
    void twoRequestsWithTheSameKeyAtTheSameMomentAreTheSameSignup() throws Exception {
        CyclicBarrier bothPublishing = new CyclicBarrier(2);
        Set<UUID> publishedIds = ConcurrentHashMap.newKeySet();
        SignupService service = new SignupService(signup -> {
            await(bothPublishing);
            publishedIds.add(signup.signupId());
        }, KEYS, Clock.systemUTC());
        ExecutorService requests = Executors.newFixedThreadPool(2);
        try {
            List<Future<UUID>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(requests.submit(
                        () -> service.submit(MAYA, Optional.of(new IdempotencyKey("double-click")), Channel.WEB_FORM)));
            }

            assertThat(answers.get(0).get(10, TimeUnit.SECONDS)).isEqualTo(answers.get(1).get(10, TimeUnit.SECONDS));
            assertThat(publishedIds).hasSize(1);
        }
        finally {
            requests.shutdownNow();
        }
    }

    @Test
    void theIdCannotBeDerivedFromTheKeyWithoutTheSecret() throws Exception {
        UUID ours = new SignupService(published::add, KEYS, Clock.systemUTC()).submit(MAYA,
                Optional.of(new IdempotencyKey("guessable-1")), Channel.API);
        UUID elsewhere = new SignupService(published::add, keys("another secret, 32 bytes or more".getBytes()),
                Clock.systemUTC())
            .submit(MAYA, Optional.of(new IdempotencyKey("guessable-1")), Channel.API);

        assertThat(elsewhere).isNotEqualTo(ours);
        assertThat(ours).isNotEqualTo(UUID.nameUUIDFromBytes("guessable-1".getBytes()));
    }

    @Test
    void signupsWithoutAKeyGetIdsOfTheirOwn() throws Exception {
        SignupService service = new SignupService(published::add, KEYS, Clock.systemUTC());

        UUID one = service.submit(MAYA, Optional.empty(), Channel.API);
        UUID other = service.submit(MAYA, Optional.empty(), Channel.API);

        assertThat(one).isNotEqualTo(other);
    }

    @Test
    void eachSignupCarriesItsPersonsKeyedHashSoTheProcessorNeedNotOpenTheAddress() throws Exception {
        SignupService service = new SignupService(published::add, KEYS, Clock.systemUTC());
        SignupRequest mayaAgain = new SignupRequest("Maya", "Lindqvist", "Maya@Example.org", null, "NY", "anxiety");

        service.submit(MAYA, Optional.empty(), Channel.API);
        service.submit(mayaAgain, Optional.empty(), Channel.API);

        assertThat(published).extracting(SubmittedSignup::personKeys)
            .containsOnly(new PersonKeys(KEYS).candidates("maya@example.org"));
        assertThat(published.get(0).personKeys()).singleElement().asString().hasSize(64).doesNotContain("maya");
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(5, TimeUnit.SECONDS);
        }
        catch (Exception ex) {
            throw new IllegalStateException("The other request never reached the publisher", ex);
        }
    }

    private static HmacKeys keys(byte[] secret) {
        return HmacKeys.from(new EnrollmentSecrets(Base64.getEncoder().encodeToString(secret), List.of()), null, true);
    }

}
