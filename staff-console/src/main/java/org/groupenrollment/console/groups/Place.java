package org.groupenrollment.console.groups;

import java.time.Instant;

/**
 * Where a signup stands in its group, as the processor last published it. No personal
 * data: that is {@link Person}, joined in when a page shows it.
 */
public record Place(String signupId, String groupId, State state, String cohortId, Integer seatNumber,
        Instant holdExpiresAt, Long waitlistTicket, String originalSignupId, Instant changedAt) {

    public enum State {

        HELD("Seat held for confirmation"), CONFIRMED("Seat confirmed"), WAITLISTED("On the waitlist"),
        CANCELLED_BY_PERSON("Cancelled by the person"), CANCELLED_BY_STAFF("Cancelled by staff"),
        HOLD_EXPIRED("Hold ran out"), LEFT_WAITLIST("Left the waitlist"),
        REMOVED_FROM_WAITLIST("Taken off the waitlist by staff"), ERASED("Erased on request");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        boolean isSeat() {
            return this == HELD || this == CONFIRMED;
        }

        boolean lasts() {
            return isSeat() || this == WAITLISTED;
        }

    }

    public boolean lasts() {
        return state.lasts();
    }

    public boolean isSeat() {
        return state.isSeat();
    }

    /** A later signup of someone already in the group points at the place they hold. */
    boolean isSecondSignup() {
        return originalSignupId != null;
    }

}
