package org.groupenrollment.signup.place;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Places as the processor publishes them, named for the situation. */
public final class Places {

    public static final Instant NOW = Instant.parse("2026-12-07T17:00:00Z");

    private Places() {
    }

    /** Seat 3 of OCD on Tuesdays, held until three days from {@link #NOW}. */
    public static Place heldOcdSeat() {
        return new Place(UUID.randomUUID(), "ocd", Place.State.HELD, "ocd-tue", 3, NOW.plus(Duration.ofHours(72)), null,
                null, NOW);
    }

    /** Seat 3 of OCD on Tuesdays, held for an hour from the real clock's now. */
    public static Place heldForAnotherHour() {
        return new Place(UUID.randomUUID(), "ocd", Place.State.HELD, "ocd-tue", 3,
                Instant.now().plus(Duration.ofHours(1)), null, null, Instant.now());
    }

    public static Place inLine(String groupId, long ticket) {
        return new Place(UUID.randomUUID(), groupId, Place.State.WAITLISTED, null, null, null, ticket, null, NOW);
    }

    /** The same place, changed a second later. */
    public static Place changed(Place place, Place.State state) {
        Instant later = place.changedAt().plusSeconds(1);
        return switch (state) {
            case HELD -> new Place(place.signupId(), place.groupId(), state, "ocd-tue", 1,
                    later.plus(Duration.ofHours(72)), null, null, later);
            case CONFIRMED -> new Place(place.signupId(), place.groupId(), state, place.cohortId(), place.seatNumber(),
                    null, null, null, later);
            default -> new Place(place.signupId(), place.groupId(), state, null, null, null, null, null, later);
        };
    }

    /** A later signup of the person who holds {@code place}. */
    public static Place sameAs(Place place) {
        return new Place(UUID.randomUUID(), place.groupId(), place.state(), place.cohortId(), place.seatNumber(),
                place.holdExpiresAt(), place.waitlistTicket(), place.signupId(), place.changedAt());
    }

}
