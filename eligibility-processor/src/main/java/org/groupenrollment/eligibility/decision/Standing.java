package org.groupenrollment.eligibility.decision;

/** Where a person stands in a group once decided: a seat, or a place on the waitlist. */
public sealed interface Standing {

    record Seated(String cohortId, int seatNumber) implements Standing {
    }

    record Waitlisted(int position) implements Standing {
    }

}
