package org.groupenrollment.console.deadletters;

import java.util.List;

import org.groupenrollment.console.ConsoleDoubles;
import org.groupenrollment.console.StaffConsoleApplication;
import org.groupenrollment.console.audit.Activity;
import org.groupenrollment.console.security.TestSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The dead-letter page: listing, redriving one or a selection, resolving, all audited.
 */
@WebMvcTest(properties = "spring.config.name=" + StaffConsoleApplication.CONFIG_NAME)
@Import({ TestSecurity.class, ConsoleDoubles.class })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class DeadLetterPagesTests {

    @DynamicPropertySource
    static void users(DynamicPropertyRegistry registry) {
        ConsoleDoubles.users(registry);
    }

    @Autowired
    MockMvcTester mvc;

    @Autowired
    DeadLetterShelf shelf;

    @Autowired
    ConsoleDoubles.RecordingAuditTrail audit;

    @Autowired
    ConsoleDoubles.RecordingRedriver redriver;

    @BeforeEach
    void twoDeadLetters() {
        shelf.on(DeadLetters.unreadableSignup(12));
        shelf.on(DeadLetters.unreadableSignup(13));
    }

    @Test
    void theListShowsEachRecordWithItsCauseAndHeadersButNotItsContents() {
        MvcTestResult page = mvc.get().uri("/dead-letters").with(admin()).exchange();

        assertThat(page).hasStatusOk();
        assertThat(page).bodyText()
            .contains("enrollment.signups.submitted.dlt-3@12", "enrollment.signups.submitted.dlt-3@13")
            .contains("from enrollment.signups.submitted")
            .contains("org.apache.kafka.common.errors.SerializationException", "Unknown magic byte")
            .contains("kafka_original-offset", "977")
            .contains("Open");
    }

    @Test
    void aSelectionIsRedrivenToTheTopicEachFailedOnAndEachRedriveIsRecorded() {
        MvcTestResult result = mvc.post()
            .uri("/dead-letters/redrive")
            .param("id", "enrollment.signups.submitted.dlt-3@12", "enrollment.signups.submitted.dlt-3@13")
            .with(admin())
            .with(csrf())
            .exchange();

        assertThat(result).hasStatus(302).redirectedUrl().isEqualTo("/dead-letters");
        assertThat(redriver.redriven).containsExactly(
                "enrollment.signups.submitted.dlt-3@12 -> enrollment.signups.submitted",
                "enrollment.signups.submitted.dlt-3@13 -> enrollment.signups.submitted");
        assertThat(audit.recorded).extracting(Activity::kind, Activity::deadLetter)
            .containsExactly(
                    org.assertj.core.groups.Tuple.tuple(Activity.Kind.REDROVE_DEAD_LETTER,
                            "enrollment.signups.submitted.dlt-3@12"),
                    org.assertj.core.groups.Tuple.tuple(Activity.Kind.REDROVE_DEAD_LETTER,
                            "enrollment.signups.submitted.dlt-3@13"));
        assertThat(mvc.get().uri("/dead-letters").with(admin()).exchange()).bodyText()
            .contains("Redriven by " + ConsoleDoubles.ADMIN);
    }

    @Test
    void anUnknownRecordIsReportedAndNothingIsSentForIt() {
        MvcTestResult result = mvc.post()
            .uri("/dead-letters/redrive")
            .param("id", "enrollment.signups.submitted.dlt-3@99")
            .with(admin())
            .with(csrf())
            .exchange();

        assertThat(result).flash()
            .containsEntry("message",
                    "Redriven: none. Not found or not sendable back: enrollment.signups.submitted.dlt-3@99.");
        assertThat(redriver.redriven).isEmpty();
        assertThat(audit.recorded).isEmpty();
    }

    @Test
    void aResolvedRecordLeavesTheListUnlessAskedForAndIsRecorded() {
        mvc.post()
            .uri("/dead-letters/resolve")
            .param("id", "enrollment.signups.submitted.dlt-3@12")
            .with(admin())
            .with(csrf())
            .exchange();

        assertThat(mvc.get().uri("/dead-letters").with(admin()).exchange()).bodyText()
            .doesNotContain("enrollment.signups.submitted.dlt-3@12")
            .contains("enrollment.signups.submitted.dlt-3@13");
        assertThat(mvc.get().uri("/dead-letters?all=true").with(admin()).exchange()).bodyText()
            .contains("enrollment.signups.submitted.dlt-3@12")
            .contains("Resolved by " + ConsoleDoubles.ADMIN);
        assertThat(audit.recorded).extracting(Activity::kind).containsExactly(Activity.Kind.RESOLVED_DEAD_LETTER);
        assertThat(redriver.redriven).isEmpty();
    }

    @Test
    void whatStaffDidIsReadBackFromTheAuditTrailSoARestartedConsoleShowsIt() {
        shelf.on(new Disposition("enrollment.signups.submitted.dlt-3@13", Disposition.Kind.RESOLVED, "someone",
                ConsoleDoubles.NOW));

        assertThat(shelf.list(false)).extracting(shelved -> shelved.letter().id())
            .isEqualTo(List.of("enrollment.signups.submitted.dlt-3@12"));
    }

    private static RequestPostProcessor admin() {
        return user(ConsoleDoubles.ADMIN).roles("ADMIN");
    }

}
