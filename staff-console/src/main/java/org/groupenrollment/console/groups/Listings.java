package org.groupenrollment.console.groups;

import java.time.format.TextStyle;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.groupenrollment.events.config.GroupCatalog;
import org.springframework.stereotype.Component;

/**
 * The catalog as the pages show it, made once at start: each group's name and its cohorts
 * with their schedules in words. The overview is asked for every few seconds by every
 * open console, and the catalog never changes while the console runs.
 */
@Component
public class Listings {

    private final Map<String, Listing> groups = new LinkedHashMap<>();

    public Listings(GroupCatalog catalog) {
        catalog.groups()
            .forEach(
                    (groupId, group) -> groups.put(groupId,
                            new Listing(groupId, group.name(), group.cohorts()
                                .stream()
                                .map(cohort -> new CohortListing(cohort.id(), schedule(cohort), cohort.capacity()))
                                .toList())));
    }

    record Listing(String groupId, String name, List<CohortListing> cohorts) {

        boolean has(String cohortId) {
            return cohorts.stream().anyMatch(cohort -> cohort.cohortId().equals(cohortId));
        }

    }

    record CohortListing(String cohortId, String schedule, int capacity) {
    }

    Collection<Listing> all() {
        return groups.values();
    }

    /** The group, or a 404 problem for an id the catalog does not have. */
    Listing known(String groupId) {
        Listing group = groups.get(groupId);
        if (group == null) {
            throw new UnknownGroupException("No group with that id.");
        }
        return group;
    }

    /** A signup id is a UUID; anything else cannot name one, and is not echoed back. */
    static String signupId(String text) {
        try {
            return UUID.fromString(text).toString();
        }
        catch (IllegalArgumentException notAnId) {
            throw new UnknownGroupException("No place of that signup in this group.");
        }
    }

    private static String schedule(GroupCatalog.Cohort cohort) {
        return cohort.day().getDisplayName(TextStyle.FULL, Locale.US) + "s " + cohort.start() + " "
                + cohort.timeZone().getDisplayName(TextStyle.SHORT_STANDALONE, Locale.US) + ", "
                + cohort.duration().toMinutes() + " min";
    }

}
