package org.groupenrollment.signup.web;

import java.util.List;

import org.groupenrollment.signup.Channel;
import org.groupenrollment.signup.SignupProducerApplication;
import org.groupenrollment.signup.SignupService;
import org.groupenrollment.signup.place.Availability;
import org.groupenrollment.signup.place.AvailabilityView;
import org.groupenrollment.signup.status.OutcomeView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@WebMvcTest(controllers = SignupFormController.class,
        properties = { "spring.config.name=" + SignupProducerApplication.CONFIG_NAME,
                "enrollment.web.rate-limit.enabled=false" })
@Import({ SignupService.class, OutcomeView.class, WebSecurity.class, JsonInput.class,
        SignupApiControllerTests.Doubles.class, PlaceTestConfiguration.class })
class SignupFormControllerTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    RecordingPublisher publisher;

    @Autowired
    AvailabilityView availability;

    @Test
    void theFormListsTheConfiguredGroupsAndStatesWithLabels() {
        var result = mvc.get().uri("/").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText()
            .contains("<label for=\"email\">Email</label>")
            .contains("<label for=\"phone\">Phone <span class=\"optional\">(optional)</span></label>")
            .contains("<option value=\"trauma-and-ptsd\">Trauma and PTSD (10 seats left)</option>")
            .contains("<option value=\"TX\">Texas</option>")
            .contains("name=\"idempotencyKey\"");
    }

    @Test
    void eachGroupShowsWhenItMeetsAndItsSeatsAsTheProcessorLastPublishedThem() {
        availability.on(new Availability("ocd", List.of(new Availability.Cohort("ocd-tue", 10, 0)), 4));
        availability.on(new Availability("depression", List.of(new Availability.Cohort("depression-mon", 12, 1),
                new Availability.Cohort("depression-thu", 12, 2)), 0));

        var result = mvc.get().uri("/").exchange();

        assertThat(result).bodyText()
            .contains("<option value=\"ocd\">OCD (waitlist only)</option>")
            .contains("<option value=\"depression\">Depression (3 seats left)</option>")
            .contains("Mondays at 7:30 PM (America/New_York), 90 minutes")
            .contains("(1 seat left)")
            .contains("<option value=\"grief-and-loss\">Grief and loss (12 seats left)</option>");
    }

    @Test
    void showsTheErrorNextToTheFieldAndKeepsWhatWasTyped() {
        var result = submitForm("not-an-address", "NY", "anxiety", "form-1");

        assertThat(result).hasStatus(400);
        assertThat(result).bodyText()
            .contains("id=\"email-error\"")
            .contains("must be an email address")
            .contains("value=\"Maya\"")
            .contains("<option value=\"NY\" selected=\"selected\">New York</option>")
            .contains("<option value=\"anxiety\" selected=\"selected\">Anxiety (24 seats left)</option>");
        assertThat(publisher.published).noneMatch(s -> s.idempotencyKey().filter("form-1"::equals).isPresent());
    }

    @Test
    void aValidSubmissionRedirectsToTheConfirmation() {
        var result = submitForm("maya@example.org", "TX", "depression", "form-2");

        assertThat(result).hasStatus3xxRedirection().redirectedUrl().startsWith("/signups/submitted?id=");
        assertThat(publisher.published).anyMatch(s -> s.idempotencyKey().filter("form-2"::equals).isPresent()
                && s.request().state().equals("TX") && s.channel() == Channel.WEB_FORM);
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, 129, 10_000 })
    void aFormWhoseKeyIsEmptyOrOversizedIsSentBackWithAFreshKeyAndPublishesNothing(int length) {
        String key = "k".repeat(length);
        int publishedBefore = publisher.published.size();
        var result = submitForm("maya@example.org", "NY", "anxiety", key);

        assertThat(result).hasStatus(400);
        assertThat(result).bodyText()
            .contains("This form could not be sent as it was")
            .containsPattern("name=\"idempotencyKey\" value=\"[0-9a-f-]{36}\"")
            .doesNotContain("name=\"idempotencyKey\" value=\"" + key + "k");
        assertThat(publisher.published).hasSize(publishedBefore);
    }

    /**
     * A page on another site that posts the form for its visitor has no token to send.
     */
    @Test
    void aFormPostWithoutTheTokenOfTheFormsOwnPageIsRefusedAndPublishesNothing() {
        int publishedBefore = publisher.published.size();

        var result = mvc.post()
            .uri("/signups")
            .header("Origin", "https://elsewhere.example")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .formField("firstName", "Victim")
            .formField("lastName", "Person")
            .formField("email", "victim@example.org")
            .formField("state", "NY")
            .formField("group", "anxiety")
            .formField("idempotencyKey", "cross-site")
            .exchange();

        assertThat(result).hasStatus(403);
        assertThat(publisher.published).hasSize(publishedBefore);
    }

    @Test
    void theFormCarriesItsTokenAndCannotBeFramedCachedOrLeakedThroughTheReferrer() {
        var result = mvc.get().uri("/").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().containsPattern("<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\"");
        assertThat(result).headers()
            .hasValue("X-Frame-Options", "DENY")
            .hasValue("X-Content-Type-Options", "nosniff")
            .hasValue("Referrer-Policy", "no-referrer")
            .hasValue("Content-Security-Policy", WebSecurity.CONTENT_SECURITY_POLICY)
            .containsHeader("Permissions-Policy");
        assertThat(result).headers()
            .hasHeaderSatisfying("Cache-Control", values -> assertThat(String.join(",", values)).contains("no-store"));
    }

    /** The form as its own page sends it, with its token, for Maya Lindqvist. */
    private MvcTestResult submitForm(String email, String state, String group, String idempotencyKey) {
        return mvc.post()
            .uri("/signups")
            .with(csrf())
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .formField("firstName", "Maya")
            .formField("lastName", "Lindqvist")
            .formField("email", email)
            .formField("state", state)
            .formField("group", group)
            .formField("idempotencyKey", idempotencyKey)
            .exchange();
    }

}
