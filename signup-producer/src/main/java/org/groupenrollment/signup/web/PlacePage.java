package org.groupenrollment.signup.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.groupenrollment.signup.catalog.Schedules;
import org.groupenrollment.signup.place.Place;
import org.groupenrollment.signup.place.PlaceNow;

/**
 * What the "your place" page shows of a place: its group and schedule, where it stands in
 * words, and what the person can do. No name, address or signup id: a forwarded link
 * shows no more than the email it came in.
 */
record PlacePage(String groupName, List<Schedules.Meeting> meetings, Place.State state, String status, String detail,
        int position, boolean canConfirm, boolean canCancel, boolean canLeave) {

    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("EEEE, MMMM d 'at' h:mm a",
            Locale.US);

    static PlacePage of(PlaceNow now, Schedules schedules, Instant at) {
        Place place = now.place();
        String group = schedules.groupName(place.groupId()).orElse("your");
        List<Schedules.Meeting> meetings = schedules.of(place);
        return switch (place.state()) {
            case HELD -> held(place, group, meetings, at);
            case CONFIRMED -> new PlacePage(group, meetings, place.state(), "Your place is confirmed",
                    "Seat " + place.seatNumber() + " is yours. Your therapist will send the link to the online "
                            + "room before the first session.",
                    0, false, true, false);
            case WAITLISTED ->
                new PlacePage(group, meetings, place.state(), "You are number " + now.position() + " in line",
                        "We offer seats in the order people joined the waitlist and will email you as soon as one "
                                + "opens for you.",
                        now.position(), false, false, true);
            default -> ended(place.state(), group, meetings);
        };
    }

    private static PlacePage held(Place place, String group, List<Schedules.Meeting> meetings, Instant at) {
        if (!place.holdExpiresAt().isAfter(at)) {
            return new PlacePage(group, meetings, place.state(), "Your hold has run out",
                    "This seat was not confirmed in time and is being offered to the next person in line.", 0, false,
                    false, false);
        }
        ZoneId zone = meetings.isEmpty() ? ZoneId.of("UTC") : meetings.get(0).timeZone();
        return new PlacePage(group, meetings, place.state(), "We are holding seat " + place.seatNumber() + " for you",
                "Please confirm it by " + DEADLINE.format(place.holdExpiresAt().atZone(zone)) + " (" + zone.getId()
                        + "). A seat that is not confirmed by then goes to the next person in line.",
                0, true, true, false);
    }

    private static PlacePage ended(Place.State state, String group, List<Schedules.Meeting> meetings) {
        if (state == Place.State.ERASED) {
            return new PlacePage(group, meetings, state, "Your details were deleted",
                    "We no longer hold your name or email address, and this place is given up. You are welcome to "
                            + "sign up again at any time.",
                    0, false, false, false);
        }
        String status = switch (state) {
            case CANCELLED_BY_PERSON -> "You cancelled this place";
            case CANCELLED_BY_STAFF -> "Our staff cancelled this place";
            case HOLD_EXPIRED -> "This hold ran out before it was confirmed";
            case LEFT_WAITLIST -> "You left the waitlist";
            default -> "Our staff took this place off the waitlist";
        };
        return new PlacePage(group, meetings, state, status, "You are welcome to sign up again at any time.", 0, false,
                false, false);
    }

}
