package org.groupenrollment.console;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.groupenrollment.console.groups.Board;
import org.groupenrollment.console.groups.GroupSeats;
import org.groupenrollment.console.groups.Happening;
import org.groupenrollment.console.groups.Person;
import org.groupenrollment.console.groups.Place;

/** Puts people and seats on a board as the topics would, named by what they are. */
public final class OnTheBoard {

    private final Board board;

    public OnTheBoard(Board board) {
        this.board = board;
    }

    /** Someone holding a seat in the OCD group's only cohort, with an email sent. */
    public Place heldSeat(String firstName, int seat) {
        return seat(firstName, seat, Place.State.HELD);
    }

    public Place confirmedSeat(String firstName, int seat) {
        return seat(firstName, seat, Place.State.CONFIRMED);
    }

    public Place waiting(String firstName, long ticket) {
        String signupId = UUID.randomUUID().toString();
        person(signupId, firstName);
        Place place = new Place(signupId, "ocd", Place.State.WAITLISTED, null, null, null, ticket, null,
                ConsoleDoubles.NOW);
        board.on(place);
        board.on(new Happening(signupId, ConsoleDoubles.NOW, Happening.Kind.WAITLISTED, "number 1 in line",
                new Happening.EmailSource("enrollment.signups.waitlisted", 0, ticket)));
        return place;
    }

    /** The place as the processor publishes it after a change. */
    public static Place now(Place place, Place.State state) {
        return new Place(place.signupId(), place.groupId(), state, place.cohortId(), place.seatNumber(),
                place.holdExpiresAt(), place.waitlistTicket(), null, ConsoleDoubles.NOW);
    }

    public void seats(int capacity, int held, int confirmed, int waiting) {
        board.on(new GroupSeats("ocd", List
            .of(new GroupSeats.Cohort("ocd-tue", capacity, held, confirmed, Math.max(0, capacity - held - confirmed))),
                waiting, ConsoleDoubles.NOW));
    }

    private Place seat(String firstName, int seat, Place.State state) {
        String signupId = UUID.randomUUID().toString();
        person(signupId, firstName);
        Place place = new Place(signupId, "ocd", state, "ocd-tue", seat,
                state == Place.State.HELD ? ConsoleDoubles.NOW.plus(Duration.ofHours(72)) : null, null, null,
                ConsoleDoubles.NOW);
        board.on(place);
        board.on(new Happening(signupId, ConsoleDoubles.NOW, Happening.Kind.SEAT_HELD, "ocd-tue, seat " + seat,
                new Happening.EmailSource("enrollment.seats.reserved", 2, 40 + seat)));
        return place;
    }

    private void person(String signupId, String firstName) {
        board.on(new Person(signupId, firstName, "Example", firstName.toLowerCase() + "@example.org", null, "NY"));
        board.on(new Happening(signupId, ConsoleDoubles.NOW.minusSeconds(5), Happening.Kind.SUBMITTED, null, null));
    }

}
