package org.groupenrollment.signup.benchmark;

import org.groupenrollment.signup.SignupPublisher;
import org.groupenrollment.signup.SubmittedSignup;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * For the ingest benchmark only: the same endpoint with the Kafka send removed, so the
 * cost of the send can be measured against the framework's own floor. Never enable it in
 * a deployment: every signup would be dropped.
 */
@Component
@ConditionalOnProperty(name = "enrollment.benchmark.discard-signups", havingValue = "true")
class DiscardingSignupPublisher implements SignupPublisher {

    @Override
    public void publish(SubmittedSignup signup) {
        // discarded on purpose: see the class comment
    }

}
