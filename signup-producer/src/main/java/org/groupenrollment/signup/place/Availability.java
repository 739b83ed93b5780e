package org.groupenrollment.signup.place;

import java.util.List;

/**
 * A group's seats as the processor last published them: per cohort, the capacity and the
 * seats free (held and confirmed seats are taken), and the length of its line.
 */
public record Availability(String groupId, List<Cohort> cohorts, int waitlistLength) {

    public Availability {
        cohorts = List.copyOf(cohorts);
    }

    public record Cohort(String cohortId, int capacity, int free) {
    }

    public int free() {
        return cohorts.stream().mapToInt(Cohort::free).sum();
    }

}
