package org.groupenrollment.eligibility.decision;

import java.time.Instant;

/**
 * Where a person already stands in a group: a seat (held until {@code holdExpiresAt}, or
 * theirs), or a place in line.
 */
public sealed interface Standing {

    record Seated(String cohortId, int seatNumber, Instant holdExpiresAt) implements Standing {
    }

    record Waitlisted(int position, long ticket) implements Standing {
    }

}
