package org.groupenrollment.signup.place;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.groupenrollment.events.config.EnrollmentSecrets;
import org.groupenrollment.events.config.HmacKeys;
import org.groupenrollment.events.links.PlaceLinks;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a link lets a person do, with the real view and links, and a processor that
 * applies each request to the view at once, or never.
 */
class PlaceActionsTests {

    private final PlaceLinks links = new PlaceLinks(HmacKeys.from(new EnrollmentSecrets(
            Base64.getEncoder().encodeToString("place-actions-test-secret-32-byt".getBytes()), List.of()), null, true));

    private final PlaceView view = new PlaceView();

    private final List<PlaceRequest> sent = new CopyOnWriteArrayList<>();

    private boolean processorAnswers = true;

    private final PlaceActions actions = new PlaceActions(links, view, this::processor,
            Clock.fixed(Places.NOW.plusSeconds(60), ZoneOffset.UTC), new PlaceSettings(Duration.ofMillis(200)));

    @Test
    void confirmingAHeldSeatSendsARequestKeyedByItsGroupAndAnswersWithThePlaceConfirmed() throws Exception {
        Place held = Places.heldOcdSeat();
        view.on(held);

        PlaceActions.Outcome outcome = actions.act(tokenFor(held), PlaceRequest.Action.CONFIRM);

        assertThat(sent).singleElement().satisfies(request -> {
            assertThat(request.groupId()).isEqualTo("ocd");
            assertThat(request.signupId()).isEqualTo(held.signupId());
            assertThat(request.action()).isEqualTo(PlaceRequest.Action.CONFIRM);
        });
        assertThat(outcome).isInstanceOfSatisfying(PlaceActions.Outcome.Applied.class,
                applied -> assertThat(applied.now().place().state()).isEqualTo(Place.State.CONFIRMED));
    }

    @Test
    void aRequestTheProcessorHasNotAppliedWithinTheWaitIsOnItsWay() throws Exception {
        processorAnswers = false;
        Place held = Places.heldOcdSeat();
        view.on(held);

        PlaceActions.Outcome outcome = actions.act(tokenFor(held), PlaceRequest.Action.CANCEL);

        assertThat(sent).hasSize(1);
        assertThat(outcome).isInstanceOf(PlaceActions.Outcome.Pending.class);
    }

    @Test
    void aRequestFromALaterSignupOfTheSamePersonActsOnTheirFirstSignupsPlace() throws Exception {
        Place held = Places.heldOcdSeat();
        Place later = Places.sameAs(held);
        view.on(held);
        view.on(later);

        actions.act(tokenFor(later), PlaceRequest.Action.CONFIRM);

        assertThat(sent).extracting(PlaceRequest::signupId).containsExactly(held.signupId());
    }

    @Test
    void whatThePlaceNoLongerAllowsIsAnsweredTruthfullyAndSendsNothing() throws Exception {
        Place waiting = Places.inLine("ocd", 3);
        Place expiredHold = new Place(java.util.UUID.randomUUID(), "ocd", Place.State.HELD, "ocd-tue", 1,
                Places.NOW.minusSeconds(1), null, null, Places.NOW.minus(Duration.ofHours(72)));
        Place held = Places.heldOcdSeat();
        Place ended = Places.changed(Places.heldOcdSeat(), Place.State.CANCELLED_BY_PERSON);
        Place confirmed = Places.changed(Places.heldOcdSeat(), Place.State.CONFIRMED);
        List.of(waiting, expiredHold, held, ended, confirmed).forEach(view::on);

        assertThat(refusal(waiting, PlaceRequest.Action.CONFIRM)).isEqualTo(PlaceActions.Refusal.NOTHING_TO_CONFIRM);
        assertThat(refusal(expiredHold, PlaceRequest.Action.CONFIRM)).isEqualTo(PlaceActions.Refusal.HOLD_RAN_OUT);
        assertThat(refusal(held, PlaceRequest.Action.LEAVE_WAITLIST)).isEqualTo(PlaceActions.Refusal.NOT_WAITING);
        assertThat(refusal(ended, PlaceRequest.Action.CANCEL)).isEqualTo(PlaceActions.Refusal.PLACE_ENDED);
        assertThat(refusal(confirmed, PlaceRequest.Action.CONFIRM)).isEqualTo(PlaceActions.Refusal.ALREADY_CONFIRMED);
        assertThat(sent).isEmpty();
    }

    @Test
    void aLinkOpensNothingWhenItIsNotOursOrHasExpiredAndTellsWhenThePlaceIsNotKnownYet() throws Exception {
        Place unknown = Places.heldOcdSeat();
        String expired = links.token(unknown.signupId(), Places.NOW.minus(Duration.ofDays(200)), Duration.ofDays(180));

        assertThat(actions.open("not-a-token")).isInstanceOf(PlaceActions.Lookup.NotALink.class);
        assertThat(actions.open(expired)).isInstanceOf(PlaceActions.Lookup.Expired.class);
        assertThat(actions.open(tokenFor(unknown))).isInstanceOf(PlaceActions.Lookup.NotYetKnown.class);
        assertThat(actions.act(expired, PlaceRequest.Action.CANCEL)).isInstanceOf(PlaceActions.Outcome.NotOpened.class);
        assertThat(sent).isEmpty();
    }

    private PlaceActions.Refusal refusal(Place place, PlaceRequest.Action action) throws Exception {
        return ((PlaceActions.Outcome.Refused) actions.act(tokenFor(place), action)).why();
    }

    private String tokenFor(Place place) {
        return links.token(place.signupId(), Places.NOW, Duration.ofDays(180));
    }

    /** The single writer, as far as the view can tell: it applies the request, or not. */
    private void processor(PlaceRequest request) {
        sent.add(request);
        if (processorAnswers) {
            Place place = view.find(request.signupId()).orElseThrow().place();
            view.on(Places.changed(place, switch (request.action()) {
                case CONFIRM -> Place.State.CONFIRMED;
                case CANCEL -> Place.State.CANCELLED_BY_PERSON;
                case LEAVE_WAITLIST -> Place.State.LEFT_WAITLIST;
                case ERASE -> Place.State.ERASED;
            }));
        }
    }

}
