package org.groupenrollment.signup.place;

import java.time.Instant;
import java.util.UUID;

/**
 * Where one signup stands in its group, as the processor last published it: a seat
 * ({@code cohortId}, {@code seatNumber}, held until {@code holdExpiresAt}), a place in
 * line ({@code waitlistTicket}), or how it ended. {@code originalSignupId} is set when
 * the signup found its person already in the group: the place is that signup's.
 */
public record Place(UUID signupId, String groupId, State state, String cohortId, Integer seatNumber,
        Instant holdExpiresAt, Long waitlistTicket, UUID originalSignupId, Instant changedAt) {

    public enum State {

        HELD, CONFIRMED, WAITLISTED, CANCELLED_BY_PERSON, CANCELLED_BY_STAFF, HOLD_EXPIRED, LEFT_WAITLIST,
        REMOVED_FROM_WAITLIST, ERASED;

        public boolean isSeat() {
            return this == HELD || this == CONFIRMED;
        }

        public boolean isOver() {
            return !isSeat() && this != WAITLISTED;
        }

    }

}
