package org.groupenrollment.signup.web;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.groupenrollment.signup.SignupPublisher;
import org.groupenrollment.signup.SubmittedSignup;

/**
 * Stands in for Kafka in web slice tests: keeps what was published, or fails like a down
 * broker.
 */
class RecordingPublisher implements SignupPublisher {

    final List<SubmittedSignup> published = new CopyOnWriteArrayList<>();

    volatile boolean brokerDown;

    @Override
    public void publish(SubmittedSignup signup) throws PublishFailedException {
        if (brokerDown) {
            throw new PublishFailedException("broker unreachable",
                    new org.apache.kafka.common.errors.TimeoutException("test"));
        }
        published.add(signup);
    }

}
