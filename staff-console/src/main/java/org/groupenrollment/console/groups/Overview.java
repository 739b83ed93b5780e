package org.groupenrollment.console.groups;

import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.groupenrollment.events.config.GroupCatalog;

/**
 * Every group of the catalog with each cohort's seats, as the processor last published
 * them; a group nobody has signed up for yet shows its catalog capacity, all free.
 */
record Overview(List<GroupRow> groups) {

    record GroupRow(String groupId, String name, int waitlistLength, List<CohortRow> cohorts) {
    }

    record CohortRow(String cohortId, String schedule, int capacity, int held, int confirmed, int free) {
    }

    static Overview of(GroupCatalog catalog, Map<String, GroupSeats> seats) {
        List<GroupRow> rows = new ArrayList<>();
        catalog.groups().forEach((groupId, group) -> {
            GroupSeats known = seats.get(groupId);
            List<CohortRow> cohorts = group.cohorts().stream().map(cohort -> row(cohort, known)).toList();
            rows.add(new GroupRow(groupId, group.name(), known == null ? 0 : known.waitlistLength(), cohorts));
        });
        return new Overview(List.copyOf(rows));
    }

    private static CohortRow row(GroupCatalog.Cohort cohort, GroupSeats known) {
        String schedule = schedule(cohort);
        return (known == null ? java.util.Optional.<GroupSeats.Cohort>empty() : known.cohort(cohort.id()))
            .map(seats -> new CohortRow(cohort.id(), schedule, seats.capacity(), seats.held(), seats.confirmed(),
                    seats.free()))
            .orElseGet(() -> new CohortRow(cohort.id(), schedule, cohort.capacity(), 0, 0, cohort.capacity()));
    }

    static String schedule(GroupCatalog.Cohort cohort) {
        return cohort.day().getDisplayName(TextStyle.FULL, Locale.US) + "s " + cohort.start() + " "
                + cohort.timeZone().getDisplayName(TextStyle.SHORT_STANDALONE, Locale.US) + ", "
                + cohort.duration().toMinutes() + " min";
    }

}
