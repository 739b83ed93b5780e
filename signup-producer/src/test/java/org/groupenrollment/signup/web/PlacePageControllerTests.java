package org.groupenrollment.signup.web;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.groupenrollment.events.links.PlaceLinks;
import org.groupenrollment.signup.SignupProducerApplication;
import org.groupenrollment.signup.place.Place;
import org.groupenrollment.signup.place.PlaceView;
import org.groupenrollment.signup.place.Places;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The "your place" page as a browser meets it, on the service's web layer with its
 * security, the real view and links; Kafka is a recorder whose stand-in processor applies
 * requests to the view.
 */
@WebMvcTest(controllers = PlacePageController.class,
        properties = { "spring.config.name=" + SignupProducerApplication.CONFIG_NAME,
                "enrollment.web.rate-limit.enabled=false", "enrollment.places.answer-within=2s" })
@Import({ WebSecurity.class, SignupApiControllerTests.Doubles.class, PlaceTestConfiguration.class })
class PlacePageControllerTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PlaceView view;

    @Autowired
    PlaceLinks links;

    @Autowired
    RecordingSeatRequests requests;

    @AfterEach
    void noProcessorAndNothingSent() {
        requests.processor = request -> {
        };
        requests.published.clear();
    }

    @Test
    void aHeldSeatShowsItsScheduleDeadlineAndAButtonToConfirmAndNothingAboutThePerson() {
        Place held = heldUntilAnHourFromNow();

        MvcTestResult page = mvc.get().uri(pageOf(held)).exchange();

        assertThat(page).hasStatusOk();
        assertThat(page).bodyText()
            .contains("Your place in the <span>OCD</span> group")
            .contains("We are holding seat 3 for you")
            .contains("Please confirm it by")
            .contains("(America/New_York)")
            .contains("Tuesdays at 8:00 PM (America/New_York), 90 minutes")
            .contains("Confirm my place")
            .contains("Cancel my place")
            .contains("name=\"_csrf\"")
            .doesNotContain(held.signupId().toString());
        assertThat(page).headers().hasValue("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        assertThat(page).headers().hasValue("Referrer-Policy", "no-referrer");
    }

    @Test
    void confirmingPostsTheRequestAndShowsThePlaceConfirmedOnceTheProcessorAppliedIt() {
        Place held = heldUntilAnHourFromNow();
        requests.processor = request -> view.on(Places.changed(held, Place.State.CONFIRMED));
        String page = pageOf(held);

        MvcTestResult posted = mvc.post().uri(page).param("action", "confirm").with(csrf()).exchange();

        assertThat(posted).hasStatus3xxRedirection().redirectedUrl().isEqualTo(page + "?done=confirmed");
        assertThat(requests.published).singleElement()
            .satisfies(request -> assertThat(request.signupId()).isEqualTo(held.signupId()));
        assertThat(mvc.get().uri(page + "?done=confirmed").exchange()).bodyText()
            .contains("your place is confirmed")
            .contains("Your place is confirmed")
            .doesNotContain("Confirm my place");
    }

    @Test
    void anActionPostedWithoutTheFormsTokenIsRefusedAndSendsNothing() {
        Place held = heldUntilAnHourFromNow();

        MvcTestResult posted = mvc.post().uri(pageOf(held)).param("action", "cancel").exchange();

        assertThat(posted).hasStatus(403);
        assertThat(requests.published).isEmpty();
    }

    @Test
    void cancellingAsksFirstAndOnlyTheAnswerSendsTheRequest() {
        Place held = heldUntilAnHourFromNow();

        MvcTestResult asked = mvc.get().uri(pageOf(held) + "?ask=cancel").exchange();

        assertThat(asked).bodyText()
            .contains("Cancel your place?")
            .contains("Yes, cancel my place")
            .contains("No, keep my place")
            .contains("name=\"action\" value=\"cancel\"");
        assertThat(requests.published).isEmpty();
    }

    @Test
    void aPlaceInLineShowsItsPositionAndOffersToLeave() {
        Place first = Places.inLine("ocd", 1);
        Place second = Places.inLine("ocd", 2);
        view.on(first);
        view.on(second);

        MvcTestResult page = mvc.get().uri(pageOf(second)).exchange();

        assertThat(page).bodyText()
            .contains("You are number 2 in line")
            .contains("Leave the waitlist")
            .doesNotContain("Confirm my place");
    }

    @Test
    void aConfirmationForAHoldThatRanOutIsAnsweredTruthfullyWithoutSendingIt() {
        Place ranOut = new Place(UUID.randomUUID(), "ocd", Place.State.HELD, "ocd-tue", 2,
                Instant.now().minusSeconds(5), null, null, Instant.now().minus(Duration.ofHours(72)));
        view.on(ranOut);
        String page = pageOf(ranOut);

        MvcTestResult posted = mvc.post().uri(page).param("action", "confirm").with(csrf()).exchange();

        assertThat(posted).redirectedUrl().isEqualTo(page + "?done=hold-ran-out");
        assertThat(requests.published).isEmpty();
    }

    @Test
    void aLinkThatIsNotOursOrExpiredOrNotYetKnownGetsAPageSayingSo() {
        Place unknown = Places.heldOcdSeat();
        String expired = links.token(unknown.signupId(), Instant.now().minus(Duration.ofDays(181)),
                Duration.ofDays(180));

        assertThat(mvc.get().uri(PlaceLinks.PATH + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").exchange())
            .hasStatus(404)
            .bodyText()
            .contains("This link is not one of ours");
        assertThat(mvc.get().uri(PlaceLinks.PATH + expired).exchange()).hasStatus(410)
            .bodyText()
            .contains("This link has expired");
        assertThat(mvc.get().uri(pageOf(unknown)).exchange()).hasStatus(404)
            .bodyText()
            .contains("We are still recording your place");
    }

    private Place heldUntilAnHourFromNow() {
        Place held = Places.heldForAnotherHour();
        view.on(held);
        return held;
    }

    private String pageOf(Place place) {
        return PlaceLinks.PATH + links.token(place.signupId(), Instant.now(), Duration.ofDays(1));
    }

}
