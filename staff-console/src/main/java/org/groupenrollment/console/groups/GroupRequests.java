package org.groupenrollment.console.groups;

import java.time.Instant;

/**
 * Where staff actions go: to the processor, the single writer of every group, as requests
 * keyed by group. The console never changes a seat itself.
 */
public interface GroupRequests {

    /** Returns once the broker has the request. */
    void send(GroupRequest request) throws NotSent;

    record GroupRequest(String requestId, String groupId, Action action, String signupId, String cohortId,
            Integer capacity, String staffId, Instant requestedAt) {
    }

    enum Action {

        CANCEL, CHANGE_CAPACITY, ERASE

    }

    /** The broker did not take the request in time; nothing was changed. */
    class NotSent extends Exception {

        public NotSent(String message, Throwable cause) {
            super(message, cause);
        }

    }

}
