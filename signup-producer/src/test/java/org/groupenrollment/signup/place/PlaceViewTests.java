package org.groupenrollment.signup.place;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceViewTests {

    private final PlaceView view = new PlaceView();

    @Test
    void aPlaceInLineCountsThoseAheadAndMovesUpAsTheyLeaveOrArePromoted() {
        List<Place> line = List.of(Places.inLine("ocd", 4), Places.inLine("ocd", 7), Places.inLine("ocd", 9),
                Places.inLine("ocd", 12));
        line.forEach(view::on);
        view.on(Places.inLine("anxiety", 1));
        Place last = line.get(3);
        assertThat(view.find(last.signupId())).hasValueSatisfying(now -> assertThat(now.position()).isEqualTo(4));

        view.on(Places.changed(line.get(1), Place.State.LEFT_WAITLIST));
        view.on(Places.changed(line.get(0), Place.State.HELD));

        assertThat(view.find(last.signupId())).hasValueSatisfying(now -> assertThat(now.position()).isEqualTo(2));
        assertThat(view.find(line.get(0).signupId())).hasValueSatisfying(now -> {
            assertThat(now.place().state()).isEqualTo(Place.State.HELD);
            assertThat(now.position()).isZero();
        });
    }

    @Test
    void anEndedPlaceIsToldHowItEnded() {
        Place held = Places.heldOcdSeat();
        view.on(held);

        view.on(Places.changed(held, Place.State.HOLD_EXPIRED));

        assertThat(view.find(held.signupId()).orElseThrow().place().state()).isEqualTo(Place.State.HOLD_EXPIRED);
    }

    @Test
    void aLaterSignupOfTheSamePersonShowsTheFirstSignupsPlaceAsItIsNow() {
        Place held = Places.heldOcdSeat();
        Place later = Places.sameAs(held);
        view.on(held);
        view.on(later);

        view.on(Places.changed(held, Place.State.CONFIRMED));

        assertThat(view.find(later.signupId()).orElseThrow().place()).satisfies(place -> {
            assertThat(place.signupId()).isEqualTo(held.signupId());
            assertThat(place.state()).isEqualTo(Place.State.CONFIRMED);
        });
    }

    @Test
    void anUnknownSignupHasNoPlace() {
        assertThat(view.find(Places.heldOcdSeat().signupId())).isEmpty();
    }

    @Test
    void waitingForAChangeAnswersAsSoonAsThePlaceChanges() throws Exception {
        Place held = Places.heldOcdSeat();
        view.on(held);

        CompletableFuture<PlaceNow> answer = CompletableFuture.supplyAsync(
                () -> view.awaitChange(held.signupId(), held.changedAt(), Duration.ofSeconds(30)).orElseThrow());
        view.on(Places.changed(held, Place.State.CONFIRMED));

        assertThat(answer.get(10, TimeUnit.SECONDS).place().state()).isEqualTo(Place.State.CONFIRMED);
    }

    @Test
    void waitingForAChangeThatDoesNotComeAnswersWithThePlaceAsItWasAfterTheWait() {
        Place held = Places.heldOcdSeat();
        view.on(held);

        PlaceNow answer = view.awaitChange(held.signupId(), held.changedAt(), Duration.ofMillis(50)).orElseThrow();

        assertThat(answer.place()).isEqualTo(held);
    }

}
