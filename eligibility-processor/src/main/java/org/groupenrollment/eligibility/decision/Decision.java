package org.groupenrollment.eligibility.decision;

/** The one outcome of a signup. */
public sealed interface Decision {

    record SeatReserved(TherapyGroup group, Cohort cohort, int seatNumber, int seatsLeft) implements Decision {
    }

    record Waitlisted(TherapyGroup group, int position) implements Decision {
    }

    record RedirectedToDbt(Reason reason) implements Decision {
    }

    enum Reason {

        OUT_OF_LICENSED_STATE

    }

}
