package org.groupenrollment.signup.catalog;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.groupenrollment.events.config.GroupCatalog;
import org.groupenrollment.signup.place.Place;
import org.springframework.stereotype.Component;

/** When each group's cohorts meet, in words a person reads. */
@Component
public class Schedules {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
        .withLocale(Locale.US);

    private final GroupCatalog catalog;

    Schedules(GroupCatalog catalog) {
        this.catalog = catalog;
    }

    public List<Meeting> of(String groupId) {
        GroupCatalog.Group group = catalog.groups().get(groupId);
        return (group == null) ? List.of() : group.cohorts().stream().map(Schedules::meeting).toList();
    }

    public Optional<Meeting> cohort(String groupId, String cohortId) {
        return of(groupId).stream().filter(meeting -> meeting.cohortId().equals(cohortId)).findFirst();
    }

    /**
     * What a place shows of its group's schedule: a seat's own cohort, or, for a place in
     * line or one that ended, every cohort of the group.
     */
    public List<Meeting> of(Place place) {
        return place.state().isSeat() ? cohort(place.groupId(), place.cohortId()).map(List::of).orElse(List.of())
                : of(place.groupId());
    }

    public Optional<String> groupName(String groupId) {
        return Optional.ofNullable(catalog.groups().get(groupId)).map(GroupCatalog.Group::name);
    }

    private static Meeting meeting(GroupCatalog.Cohort cohort) {
        String day = cohort.day().name().charAt(0) + cohort.day().name().substring(1).toLowerCase(Locale.ROOT);
        String when = day + "s at " + TIME.format(cohort.start()) + " (" + cohort.timeZone().getId() + "), "
                + cohort.duration().toMinutes() + " minutes";
        return new Meeting(cohort.id(), when,
                cohort.firstSession() == null ? null : "from " + DATE.format(cohort.firstSession()), cohort.capacity(),
                cohort.timeZone());
    }

    /**
     * One cohort: {@code when} it meets every week, from {@code firstSession} (null when
     * it is running), its seats in the catalog, and its time zone.
     */
    public record Meeting(String cohortId, String when, String firstSession, int capacity, ZoneId timeZone) {
    }

}
