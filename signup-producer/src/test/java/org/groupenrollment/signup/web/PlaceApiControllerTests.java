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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** The place API, as a script holding a link's token meets it. */
@WebMvcTest(controllers = PlaceApiController.class,
        properties = { "spring.config.name=" + SignupProducerApplication.CONFIG_NAME,
                "enrollment.web.rate-limit.enabled=false", "enrollment.places.answer-within=300ms" })
@Import({ WebSecurity.class, ApiProblems.class, SignupApiControllerTests.Doubles.class, PlaceTestConfiguration.class })
class PlaceApiControllerTests {

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
    void aPlaceInLineIsDescribedWithItsPositionAndNothingAboutThePerson() {
        view.on(Places.inLine("ocd", 10));
        Place second = Places.inLine("ocd", 11);
        view.on(second);

        MvcTestResult place = mvc.get().uri(apiOf(second)).exchange();

        assertThat(place).hasStatusOk();
        assertThat(place).bodyJson().extractingPath("$.status").isEqualTo("WAITLISTED");
        assertThat(place).bodyJson().extractingPath("$.waitlistPosition").isEqualTo(2);
        assertThat(place).bodyJson().extractingPath("$.groupName").isEqualTo("OCD");
        assertThat(place).bodyText().doesNotContain(second.signupId().toString());
    }

    @Test
    void aRequestTheProcessorAppliesIsAnsweredWithThePlaceAfterIt() {
        Place held = heldForAnHour();
        requests.processor = request -> view.on(Places.changed(held, Place.State.CANCELLED_BY_PERSON));

        MvcTestResult cancelled = mvc.post().uri(apiOf(held) + "/cancel").exchange();

        assertThat(cancelled).hasStatusOk();
        assertThat(cancelled).bodyJson().extractingPath("$.status").isEqualTo("CANCELLED_BY_PERSON");
    }

    @Test
    void aRequestNotYetAppliedIsAccepted() {
        Place held = heldForAnHour();

        MvcTestResult confirmed = mvc.post().uri(apiOf(held) + "/confirm").exchange();

        assertThat(confirmed).hasStatus(202);
        assertThat(requests.published).hasSize(1);
    }

    @Test
    void aRequestThePlaceDoesNotAllowIsAConflictNamingWhyAndSendsNothing() {
        Place waiting = Places.inLine("ocd", 30);
        view.on(waiting);

        MvcTestResult refused = mvc.post().uri(apiOf(waiting) + "/confirm").exchange();

        assertThat(refused).hasStatus(409).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused).bodyJson().extractingPath("$.reason").isEqualTo("NOTHING_TO_CONFIRM");
        assertThat(requests.published).isEmpty();
    }

    @Test
    void anExpiredLinkIsGoneAndAForgedOneIsNotFoundBothAsProblems() {
        Place held = heldForAnHour();
        String expired = links.token(held.signupId(), Instant.now().minus(Duration.ofDays(2)), Duration.ofDays(1));

        assertThat(mvc.get().uri("/api/places/" + expired).exchange()).hasStatus(410)
            .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.post().uri("/api/places/forged-token/cancel").exchange()).hasStatus(404)
            .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(requests.published).isEmpty();
    }

    private Place heldForAnHour() {
        Place held = new Place(UUID.randomUUID(), "ocd", Place.State.HELD, "ocd-tue", 1,
                Instant.now().plus(Duration.ofHours(1)), null, null, Instant.now());
        view.on(held);
        return held;
    }

    private String apiOf(Place place) {
        return "/api/places/" + links.token(place.signupId(), Instant.now(), Duration.ofDays(1));
    }

}
