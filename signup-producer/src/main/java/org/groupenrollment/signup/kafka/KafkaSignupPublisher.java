package org.groupenrollment.signup.kafka;

import org.groupenrollment.events.Applicant;
import org.groupenrollment.events.SignupSource;
import org.groupenrollment.events.SignupSubmitted;
import org.groupenrollment.events.config.EnrollmentTopics;
import org.groupenrollment.serde.encryption.DataKeys;
import org.groupenrollment.serde.encryption.FieldEncryptionException;
import org.groupenrollment.signup.SignupPublisher;
import org.groupenrollment.signup.SignupRequest;
import org.groupenrollment.signup.SubmittedSignup;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes keyed by group, so that every signup for a group lands in one partition and
 * the processor has a single writer per group. Waits for the broker's acknowledgement
 * (acks=all, idempotent producer; see signup-producer.yml) so that a 202 means the signup
 * is durable.
 */
@Component
@ConditionalOnProperty(name = "enrollment.benchmark.discard-signups", havingValue = "false", matchIfMissing = true)
class KafkaSignupPublisher implements SignupPublisher {

    private final KafkaTemplate<String, SignupSubmitted> template;

    private final EnrollmentTopics topics;

    private final PublishSettings settings;

    private final DataKeys dataKeys;

    KafkaSignupPublisher(KafkaTemplate<String, SignupSubmitted> template, EnrollmentTopics topics,
            PublishSettings settings, ObjectProvider<DataKeys> dataKeys) {
        this.template = template;
        this.topics = topics;
        this.settings = settings;
        this.dataKeys = dataKeys.getIfAvailable();
    }

    /**
     * With encryption on, the person's new key is sent as the signup is encrypted, and
     * the two are acknowledged together: a 202 means both are durable, after one round
     * trip rather than two.
     */
    @Override
    public void publish(SubmittedSignup signup) throws PublishFailedException {
        try {
            AcknowledgedSend.send(template, topics.signupsSubmitted(), signup.request().group(), toEvent(signup),
                    settings.acknowledgementTimeout(), "signup " + signup.signupId());
            if (dataKeys != null) {
                dataKeys.awaitStored(signup.signupId().toString());
            }
        }
        catch (AcknowledgedSend.NotAcknowledged ex) {
            throw new PublishFailedException(ex.getMessage(), ex.getCause());
        }
        catch (FieldEncryptionException ex) {
            throw new PublishFailedException("The data key of signup " + signup.signupId() + " was not stored", ex);
        }
    }

    static SignupSubmitted toEvent(SubmittedSignup signup) {
        SignupRequest request = signup.request();
        return SignupSubmitted.newBuilder()
            .setSignupId(signup.signupId())
            .setSubmittedAt(signup.submittedAt())
            .setApplicant(Applicant.newBuilder()
                .setFirstName(request.firstName())
                .setLastName(request.lastName())
                .setEmail(request.email())
                .setPhone(request.phone())
                .build())
            .setStateOfResidence(request.state())
            .setRequestedGroup(request.group())
            .setIdempotencyKey(signup.idempotencyKey().orElse(null))
            .setSource(SignupSource.valueOf(signup.channel().name()))
            .setPersonKeys(signup.personKeys())
            .build();
    }

}
