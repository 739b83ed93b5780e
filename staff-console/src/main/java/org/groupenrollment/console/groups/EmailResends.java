package org.groupenrollment.console.groups;

import java.time.Instant;

/**
 * Asks the notifier to send a person's last email again, made afresh from the event it
 * was made from (with a new link); the console holds no email itself.
 */
public interface EmailResends {

    /** Returns once the broker has the request. */
    void send(ResendRequest request) throws GroupRequests.NotSent;

    record ResendRequest(String requestId, String signupId, Happening.EmailSource source, String staffId,
            Instant requestedAt) {
    }

}
