package org.groupenrollment.signup.web;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.groupenrollment.events.config.HmacKeys;
import org.groupenrollment.events.links.PlaceLinks;
import org.groupenrollment.signup.SignupProducerApplication;
import org.groupenrollment.signup.erasure.ErasureRequests;
import org.groupenrollment.signup.place.Place;
import org.groupenrollment.signup.place.PlaceRequest;
import org.groupenrollment.signup.place.PlaceView;
import org.groupenrollment.signup.place.Places;
import org.groupenrollment.signup.status.OutcomeView;
import org.groupenrollment.signup.status.SignupStatus;
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
 * The "delete my data" page as a browser meets it, on the service's web layer with its
 * security, the real views and links; Kafka is a recorder.
 */
@WebMvcTest(controllers = ErasurePageController.class,
        properties = { "spring.config.name=" + SignupProducerApplication.CONFIG_NAME,
                "enrollment.web.rate-limit.enabled=false" })
@Import({ WebSecurity.class, SignupApiControllerTests.Doubles.class, PlaceTestConfiguration.class,
        ErasureRequests.class, OutcomeView.class })
class ErasurePageControllerTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PlaceView places;

    @Autowired
    OutcomeView outcomes;

    @Autowired
    PlaceLinks placeLinks;

    @Autowired
    HmacKeys keys;

    @Autowired
    RecordingSeatRequests requests;

    @AfterEach
    void nothingSent() {
        requests.published.clear();
    }

    @Test
    void theLinkOpensAPageThatSaysWhatErasingMeansAndAsksBeforeSendingAnything() {
        Place held = held();

        MvcTestResult page = mvc.get().uri(erasurePageOf(held.signupId())).exchange();

        assertThat(page).hasStatusOk();
        assertThat(page).bodyText()
            .contains("we give up any place you hold")
            .contains("We cannot undo this")
            .contains("<button type=\"submit\">Delete my data</button>")
            .contains("name=\"_csrf\"")
            .doesNotContain(held.signupId().toString())
            .doesNotContain("OCD");
        assertThat(page).headers().hasValue("Referrer-Policy", "no-referrer");
        assertThat(requests.published).isEmpty();
    }

    @Test
    void confirmingSendsOneEraseRequestKeyedByThePlacesGroupAndSaysItIsUnderWay() {
        Place held = held();
        String page = erasurePageOf(held.signupId());

        MvcTestResult posted = mvc.post().uri(page).with(csrf()).exchange();

        assertThat(posted).hasStatus3xxRedirection().redirectedUrl().isEqualTo(page + "?done=requested");
        assertThat(requests.published).singleElement().satisfies(request -> {
            assertThat(request.action()).isEqualTo(PlaceRequest.Action.ERASE);
            assertThat(request.signupId()).isEqualTo(held.signupId());
            assertThat(request.groupId()).isEqualTo("ocd");
        });
        assertThat(mvc.get().uri(page + "?done=requested").exchange()).bodyText()
            .contains("We are deleting your data now");
    }

    @Test
    void someoneOfferedTheDbtGroupIsErasedThroughTheGroupTheyAskedFor() {
        UUID redirected = UUID.randomUUID();
        outcomes.on(new SignupStatus(redirected, SignupStatus.State.REDIRECTED_TO_DBT, Instant.now()), "anxiety");

        mvc.post().uri(erasurePageOf(redirected)).with(csrf()).exchange();

        assertThat(requests.published).singleElement()
            .satisfies(request -> assertThat(request.groupId()).isEqualTo("anxiety"));
    }

    @Test
    void anErasedPlaceSaysSoAndAnotherRequestSendsNothing() {
        Place held = held();
        places.on(Places.changed(held, Place.State.ERASED));

        assertThat(mvc.get().uri(erasurePageOf(held.signupId())).exchange()).bodyText()
            .contains("Your data was deleted");
        mvc.post().uri(erasurePageOf(held.signupId())).with(csrf()).exchange();

        assertThat(requests.published).isEmpty();
    }

    @Test
    void aPlaceLinkAnExpiredLinkAnUnknownSignupOrAMissingFormTokenSendNothing() {
        Place held = held();
        String expired = PlaceLinks.erasures(keys)
            .token(held.signupId(), Instant.now().minus(Duration.ofDays(181)), Duration.ofDays(180));

        assertThat(mvc.post()
            .uri(PlaceLinks.ERASURE_PATH + placeLinks.token(held.signupId(), Instant.now(), Duration.ofDays(1)))
            .with(csrf())
            .exchange()).hasStatus(404).bodyText().contains("This link is not one of ours");
        assertThat(mvc.post().uri(PlaceLinks.ERASURE_PATH + expired).with(csrf()).exchange()).hasStatus(410);
        assertThat(mvc.post().uri(erasurePageOf(UUID.randomUUID())).with(csrf()).exchange()).hasStatus(404)
            .bodyText()
            .contains("We are still recording your signup");
        assertThat(mvc.post().uri(erasurePageOf(held.signupId())).exchange()).hasStatus(403);
        assertThat(requests.published).isEmpty();
    }

    private Place held() {
        Place held = Places.heldForAnotherHour();
        places.on(held);
        return held;
    }

    private String erasurePageOf(UUID signupId) {
        return PlaceLinks.ERASURE_PATH + PlaceLinks.erasures(keys).token(signupId, Instant.now(), Duration.ofDays(1));
    }

}
