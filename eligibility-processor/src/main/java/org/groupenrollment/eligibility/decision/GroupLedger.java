package org.groupenrollment.eligibility.decision;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The seats taken in each cohort of one group and the length of its waitlist. Immutable.
 */
public record GroupLedger(Map<String, Integer> seatsTaken, int waitlistLength) {

    public static final GroupLedger EMPTY = new GroupLedger(Map.of(), 0);

    public GroupLedger {
        seatsTaken = Map.copyOf(seatsTaken);
    }

    public int taken(Cohort cohort) {
        return seatsTaken.getOrDefault(cohort.id(), 0);
    }

    GroupLedger withSeatTaken(Cohort cohort) {
        Map<String, Integer> next = new LinkedHashMap<>(seatsTaken);
        next.merge(cohort.id(), 1, Integer::sum);
        return new GroupLedger(next, waitlistLength);
    }

    GroupLedger withWaitlisted() {
        return new GroupLedger(seatsTaken, waitlistLength + 1);
    }
}
