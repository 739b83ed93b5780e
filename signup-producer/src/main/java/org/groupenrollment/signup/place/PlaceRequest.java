package org.groupenrollment.signup.place;

import java.time.Instant;
import java.util.UUID;

/**
 * A person's request about their place, from its page: applied once by the processor,
 * however often delivered.
 */
public record PlaceRequest(UUID requestId, String groupId, UUID signupId, Action action, Instant requestedAt) {

    public enum Action {

        CONFIRM, CANCEL, LEAVE_WAITLIST,
        /** Give the place up and forget its person: from the "delete my data" link. */
        ERASE

    }

}
