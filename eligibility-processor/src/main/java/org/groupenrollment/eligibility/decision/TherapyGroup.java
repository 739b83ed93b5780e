package org.groupenrollment.eligibility.decision;

import java.util.List;
import java.util.Optional;

/**
 * A therapist-led group of the catalog; seats are handed out cohort by cohort, in this
 * order.
 */
public record TherapyGroup(String id, String name, List<Cohort> cohorts) {

    public TherapyGroup {
        cohorts = List.copyOf(cohorts);
        if (cohorts.isEmpty()) {
            throw new IllegalArgumentException("Group " + id + " has no cohort");
        }
    }

    public Optional<Cohort> cohort(String cohortId) {
        return cohorts.stream().filter(cohort -> cohort.id().equals(cohortId)).findFirst();
    }

}
