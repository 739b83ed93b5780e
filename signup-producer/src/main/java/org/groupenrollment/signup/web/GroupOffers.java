package org.groupenrollment.signup.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.groupenrollment.signup.catalog.Schedules;
import org.groupenrollment.signup.place.Availability;
import org.groupenrollment.signup.place.AvailabilityView;
import org.springframework.stereotype.Component;

/**
 * Each group as the form offers it: when it meets and whether seats are open, from the
 * availability the processor last published. A group it has published nothing about has
 * had no signup, so all its catalog seats are open.
 */
@Component
class GroupOffers {

    private final Schedules schedules;

    private final AvailabilityView availability;

    GroupOffers(Schedules schedules, AvailabilityView availability) {
        this.schedules = schedules;
        this.availability = availability;
    }

    List<Offer> of(Map<String, String> groupNames) {
        return groupNames.entrySet().stream().map(group -> offer(group.getKey(), group.getValue())).toList();
    }

    private Offer offer(String groupId, String name) {
        Optional<Availability> seats = availability.of(groupId);
        List<Meeting> meetings = schedules.of(groupId)
            .stream()
            .map(meeting -> new Meeting(meeting.when(), meeting.firstSession(), seatsLeft(seats.flatMap(
                    known -> known.cohorts().stream().filter(c -> c.cohortId().equals(meeting.cohortId())).findFirst())
                .map(Availability.Cohort::free)
                .orElse(meeting.capacity()))))
            .toList();
        int free = seats.map(Availability::free)
            .orElseGet(() -> schedules.of(groupId).stream().mapToInt(Schedules.Meeting::capacity).sum());
        return new Offer(groupId, name, seatsLeft(free), meetings);
    }

    private static String seatsLeft(int free) {
        return switch (free) {
            case 0 -> "waitlist only";
            case 1 -> "1 seat left";
            default -> free + " seats left";
        };
    }

    /** A group: its id and name, its seats in words, and its weekly meetings. */
    record Offer(String id, String name, String seats, List<Meeting> meetings) {

        String label() {
            return name + " (" + seats + ")";
        }

    }

    record Meeting(String when, String firstSession, String seats) {
    }

}
