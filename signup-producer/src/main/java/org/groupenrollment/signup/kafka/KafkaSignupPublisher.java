package org.groupenrollment.signup.kafka;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.groupenrollment.events.SignupSubmitted;
import org.groupenrollment.signup.SignupPublisher;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes keyed by group, so that every signup for a group lands in one partition and
 * the processor has a single writer per group. Waits for the broker's acknowledgement
 * (acks=all, idempotent producer; see application.yml) so that a 202 means the signup is
 * durable.
 */
@Component
@ConditionalOnProperty(name = "enrollment.benchmark.discard-signups", havingValue = "false", matchIfMissing = true)
class KafkaSignupPublisher implements SignupPublisher {

    private final KafkaTemplate<String, SignupSubmitted> template;

    private final PublishSettings settings;

    KafkaSignupPublisher(KafkaTemplate<String, SignupSubmitted> template, PublishSettings settings) {
        this.template = template;
        this.settings = settings;
    }

    @Override
    public void publish(SignupSubmitted signup) throws PublishFailedException {
        try {
            template.send(settings.signupsSubmitted(), signup.getRequestedGroup(), signup)
                .get(settings.acknowledgementTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (ExecutionException ex) {
            throw new PublishFailedException("Kafka did not acknowledge signup " + signup.getSignupId(), ex.getCause());
        }
        catch (TimeoutException ex) {
            throw new PublishFailedException("Kafka did not acknowledge signup " + signup.getSignupId() + " within "
                    + settings.acknowledgementTimeout(), ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("Interrupted while publishing signup " + signup.getSignupId(), ex);
        }
        catch (RuntimeException ex) {
            // The send itself can fail before any future exists: metadata unavailable,
            // serializer or registry down.
            throw new PublishFailedException("Could not publish signup " + signup.getSignupId(), ex);
        }
    }

}
