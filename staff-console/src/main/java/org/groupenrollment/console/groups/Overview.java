package org.groupenrollment.console.groups;

import java.util.List;
import java.util.Map;

/**
 * Every group of the catalog with each cohort's seats, as the processor last published
 * them; a group nobody has signed up for yet shows its catalog capacity, all free.
 */
record Overview(List<GroupRow> groups) {

    record GroupRow(String groupId, String name, int waitlistLength, List<CohortRow> cohorts) {
    }

    record CohortRow(String cohortId, String schedule, int capacity, int held, int confirmed, int free) {
    }

    static Overview of(Listings listings, Map<String, GroupSeats> seats) {
        return new Overview(listings.all().stream().map(group -> row(group, seats.get(group.groupId()))).toList());
    }

    /**
     * One group's row; {@code known} is null when the processor has published nothing for
     * it.
     */
    static GroupRow row(Listings.Listing group, GroupSeats known) {
        return new GroupRow(group.groupId(), group.name(), known == null ? 0 : known.waitlistLength(),
                group.cohorts().stream().map(cohort -> row(cohort, known)).toList());
    }

    private static CohortRow row(Listings.CohortListing cohort, GroupSeats known) {
        return (known == null ? java.util.Optional.<GroupSeats.Cohort>empty() : known.cohort(cohort.cohortId()))
            .map(seats -> new CohortRow(cohort.cohortId(), cohort.schedule(), seats.capacity(), seats.held(),
                    seats.confirmed(), seats.free()))
            .orElseGet(() -> new CohortRow(cohort.cohortId(), cohort.schedule(), cohort.capacity(), 0, 0,
                    cohort.capacity()));
    }

}
