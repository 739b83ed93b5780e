package org.groupenrollment.eligibility.decision;

import java.time.Instant;

/** The one outcome of a signup. */
public sealed interface Decision {

    /**
     * A seat, held until {@code holdExpiresAt} for its person to confirm, or theirs at
     * once when that is null; {@code fromWaitlist} when it went to the first in line.
     */
    record SeatReserved(TherapyGroup group, Cohort cohort, int seatNumber, int seatsLeft, Instant holdExpiresAt,
            boolean fromWaitlist) implements Decision {
    }

    /** {@code position} in line now; {@code ticket} orders the line. */
    record Waitlisted(TherapyGroup group, int position, long ticket) implements Decision {
    }

    record RedirectedToDbt(Reason reason) implements Decision {
    }

    enum Reason {

        OUT_OF_LICENSED_STATE

    }

}
