package org.groupenrollment.signup.kafka;

import org.groupenrollment.events.Applicant;
import org.groupenrollment.events.SignupSource;
import org.groupenrollment.events.SignupSubmitted;
import org.groupenrollment.events.config.EnrollmentTopics;
import org.groupenrollment.signup.SignupPublisher;
import org.groupenrollment.signup.SignupRequest;
import org.groupenrollment.signup.SubmittedSignup;
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

    KafkaSignupPublisher(KafkaTemplate<String, SignupSubmitted> template, EnrollmentTopics topics,
            PublishSettings settings) {
        this.template = template;
        this.topics = topics;
        this.settings = settings;
    }

    @Override
    public void publish(SubmittedSignup signup) throws PublishFailedException {
        try {
            AcknowledgedSend.send(template, topics.signupsSubmitted(), signup.request().group(), toEvent(signup),
                    settings.acknowledgementTimeout(), "signup " + signup.signupId());
        }
        catch (AcknowledgedSend.NotAcknowledged ex) {
            throw new PublishFailedException(ex.getMessage(), ex.getCause());
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
