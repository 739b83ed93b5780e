package org.groupenrollment.console.groups;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.groupenrollment.console.ConsoleDoubles;
import org.groupenrollment.console.OnTheBoard;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BoardTests {

    private final Board board = new Board();

    private final OnTheBoard onTheBoard = new OnTheBoard(board);

    @Test
    void aPlaceThatEndsLeavesItsGroupsPeopleButKeepsItsHistory() {
        Place held = onTheBoard.heldSeat("Cal", 1);
        board.on(new Happening(held.signupId(), ConsoleDoubles.NOW.plusSeconds(60), Happening.Kind.HOLD_EXPIRED, null,
                new Happening.EmailSource("enrollment.seats.released", 0, 7)));
        board.on(OnTheBoard.now(held, Place.State.HOLD_EXPIRED));

        assertThat(board.people("ocd").size()).isZero();
        Board.PlaceFile file = board.file(held.signupId()).orElseThrow();
        assertThat(file.history()).extracting(Happening::kind)
            .containsExactly(Happening.Kind.SUBMITTED, Happening.Kind.SEAT_HELD, Happening.Kind.HOLD_EXPIRED);
        assertThat(file.lastEmail()).contains(new Happening.EmailSource("enrollment.seats.released", 0, 7));
    }

    @Test
    void anErasedPersonLeavesTheBoardForGoodEvenWhenTheirSignupIsReadAgainAfterwards() {
        Place held = onTheBoard.heldSeat("Cal", 1);
        Person cal = board.file(held.signupId()).orElseThrow().person().orElseThrow();
        Place bea = onTheBoard.confirmedSeat("Bea", 2);

        board.forget(java.util.List.of(held.signupId()));
        board.on(cal);

        Board.PlaceFile file = board.file(held.signupId()).orElseThrow();
        assertThat(file.person()).isEmpty();
        assertThat(file.history()).isNotEmpty();
        assertThat(board.file(bea.signupId()).orElseThrow().person()).isPresent();
    }

    @Test
    void aPromotedPlaceMovesFromTheLineToTheSeatsAndIsMarkedAsPromoted() {
        Place waiting = onTheBoard.waiting("Dan", 3);
        board.on(new Happening(waiting.signupId(), ConsoleDoubles.NOW.plusSeconds(5),
                Happening.Kind.OFFERED_FROM_WAITLIST, "ocd-tue, seat 4", null));
        board.on(new Place(waiting.signupId(), "ocd", Place.State.HELD, "ocd-tue", 4, ConsoleDoubles.NOW, null, null,
                ConsoleDoubles.NOW));

        Board.GroupPeople people = board.people("ocd");
        assertThat(people.waiting()).isEmpty();
        assertThat(people.seated()).singleElement().satisfies(entry -> {
            assertThat(entry.promoted()).isTrue();
            assertThat(entry.person().firstName()).isEqualTo("Dan");
        });
    }

    @Test
    void aSecondSignupOfSomeoneAlreadyInTheGroupIsNotListedTwice() {
        Place held = onTheBoard.heldSeat("Cal", 1);
        board.on(new Place(java.util.UUID.randomUUID().toString(), "ocd", Place.State.HELD, "ocd-tue", 1, null, null,
                held.signupId(), ConsoleDoubles.NOW));

        assertThat(board.people("ocd").seated()).singleElement()
            .satisfies(entry -> assertThat(entry.place().signupId()).isEqualTo(held.signupId()));
    }

    @Test
    void aGroupsPeopleAreOnlyItsOwn() {
        onTheBoard.heldSeat("Cal", 1);

        assertThat(board.people("anxiety").size()).isZero();
        assertThat(board.people("ocd").size()).isEqualTo(1);
    }

    @Test
    void olderSeatFiguresNeverReplaceNewerOnes() {
        onTheBoard.seats(10, 1, 1, 0);
        board.on(new GroupSeats("ocd", java.util.List.of(), 9, ConsoleDoubles.NOW.minusSeconds(1)));

        assertThat(board.seats().get("ocd").waitlistLength()).isZero();
    }

    @Test
    void awaitingAChangeReturnsAsSoonAsTheTopicsBringItAndGivesUpAfterItsPatience() throws Exception {
        Place held = onTheBoard.heldSeat("Cal", 1);
        CompletableFuture<Boolean> applied = CompletableFuture.supplyAsync(() -> {
            try {
                return board.awaitUntil(() -> board.place(held.signupId()).map(place -> !place.lasts()).orElse(false),
                        Duration.ofSeconds(30));
            }
            catch (InterruptedException ex) {
                throw new IllegalStateException(ex);
            }
        });
        board.on(OnTheBoard.now(held, Place.State.CANCELLED_BY_STAFF));

        assertThat(applied.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(board.awaitUntil(() -> false, Duration.ofMillis(50))).isFalse();
    }

}
