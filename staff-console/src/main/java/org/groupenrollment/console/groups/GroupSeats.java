package org.groupenrollment.console.groups;

import java.time.Instant;
import java.util.List;

/** A group's seats as the processor's ledger stands: no personal data. */
public record GroupSeats(String groupId, List<Cohort> cohorts, int waitlistLength, Instant asOf) {

    public record Cohort(String cohortId, int capacity, int held, int confirmed, int free) {
    }

    java.util.Optional<Cohort> cohort(String cohortId) {
        return cohorts.stream().filter(cohort -> cohort.cohortId().equals(cohortId)).findFirst();
    }

}
