package org.groupenrollment.console.groups;

import org.groupenrollment.console.ConsoleDoubles;
import org.groupenrollment.console.OnTheBoard;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The overview, a group's people and a place's history as staff see them, and what each
 * view and action leaves in the audit trail and sends to the processor.
 */
@WebMvcTest(properties = { "spring.config.name=" + StaffConsoleApplication.CONFIG_NAME,
        "enrollment.console.answer-within=1s" })
@Import({ TestSecurity.class, ConsoleDoubles.class })
// A fresh board for each test.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class GroupPagesTests {

    @DynamicPropertySource
    static void users(DynamicPropertyRegistry registry) {
        ConsoleDoubles.users(registry);
    }

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Board board;

    @Autowired
    ConsoleDoubles.RecordingAuditTrail audit;

    @Autowired
    ConsoleDoubles.RecordingRequests requests;

    OnTheBoard onTheBoard;

    @BeforeEach
    void emptyBoard() {
        onTheBoard = new OnTheBoard(board);
    }

    @Test
    void theOverviewListsEveryCatalogGroupWithThePublishedFiguresAndRecordsNothing() {
        onTheBoard.seats(10, 2, 7, 3);

        MvcTestResult figures = mvc.get().uri("/api/overview").with(staff()).exchange();

        assertThat(figures).hasStatusOk();
        assertThat(figures).bodyJson().extractingPath("$.groups.length()").isEqualTo(9);
        assertThat(figures).bodyJson()
            .extractingPath("$.groups[?(@.groupId=='ocd')].cohorts[0]")
            .asArray()
            .containsExactly(java.util.Map.of("cohortId", "ocd-tue", "schedule", "Tuesdays 20:00 ET, 90 min",
                    "capacity", 10, "held", 2, "confirmed", 7, "free", 1));
        assertThat(figures).bodyJson()
            .extractingPath("$.groups[?(@.groupId=='ocd')].waitlistLength")
            .asArray()
            .containsExactly(3);
        assertThat(mvc.get().uri("/").with(staff()).exchange()).bodyText()
            .contains("data-refresh-millis=\"2000\"")
            .contains("OCD");
        assertThat(audit.recorded).isEmpty();
    }

    @Test
    void aGroupPageListsSeatsAndTheLineInOrderWithNamesAndRecordsTheViewByIdsOnly() throws Exception {
        Place second = onTheBoard.confirmedSeat("Bea", 2);
        Place first = onTheBoard.heldSeat("Cal", 1);
        onTheBoard.waiting("Eve", 8);
        onTheBoard.waiting("Dan", 5);

        MvcTestResult page = mvc.get().uri("/groups/ocd").with(staff()).exchange();

        assertThat(page).hasStatusOk();
        String body = page.getResponse().getContentAsString();
        assertThat(body).containsSubsequence("Cal Example", "Held until 2026-12-08 15:00:00 UTC", "Bea Example",
                "Confirmed", "Waitlist", "Dan Example", "Eve Example");
        assertThat(body).contains("dan@example.org").contains(first.signupId()).contains(second.signupId());
        assertThat(audit.recorded).singleElement().satisfies(activity -> {
            assertThat(activity.kind()).isEqualTo(Activity.Kind.VIEWED_GROUP_PEOPLE);
            assertThat(activity.staffId()).isEqualTo(ConsoleDoubles.STAFF);
            assertThat(activity.groupId()).isEqualTo("ocd");
            assertThat(activity.toString()).doesNotContain("Bea", "Cal", "example.org");
        });
        assertThat(page).headers().hasValue("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
    }

    @Test
    void whenTheAuditTrailCannotBeWrittenNoPersonalDetailIsShown() {
        onTheBoard.heldSeat("Cal", 1);
        audit.broken = true;

        MvcTestResult page = mvc.get().uri("/groups/ocd").with(staff()).exchange();

        assertThat(page).hasStatus(503).hasContentType("application/problem+json");
        assertThat(page).bodyText().doesNotContain("Cal").doesNotContain("example.org");
    }

    @Test
    void aPlacesHistoryShowsEachStepAndTheViewIsRecordedWithTheSignupId() {
        Place held = onTheBoard.heldSeat("Cal", 1);

        MvcTestResult page = mvc.get().uri("/groups/ocd/places/" + held.signupId()).with(staff()).exchange();

        assertThat(page).hasStatusOk();
        assertThat(page).bodyText()
            .containsSubsequence("Cal Example", "cal@example.org", "Signed up", "Seat held for confirmation",
                    "ocd-tue, seat 1")
            .contains("Resend the last email")
            .contains("Cancel seat");
        assertThat(audit.recorded).singleElement().satisfies(activity -> {
            assertThat(activity.kind()).isEqualTo(Activity.Kind.VIEWED_PLACE);
            assertThat(activity.signupId()).isEqualTo(held.signupId());
        });
    }

    @Test
    void anUnknownGroupOrPlaceIsA404ProblemAndNothingIsRecorded() {
        assertThat(mvc.get().uri("/groups/no-such-group").with(staff()).exchange()).hasStatus(404)
            .hasContentType("application/problem+json");
        assertThat(mvc.get().uri("/groups/ocd/places/not-a-uuid").with(staff()).exchange()).hasStatus(404);
        assertThat(mvc.get().uri("/groups/ocd/places/" + java.util.UUID.randomUUID()).with(staff()).exchange())
            .hasStatus(404);
        assertThat(audit.recorded).isEmpty();
    }

    @Test
    void cancellingASeatSendsAStaffRequestToTheProcessorAndSaysSoOnceItIsApplied() {
        Place held = onTheBoard.heldSeat("Cal", 1);
        requests.processor = request -> board.on(OnTheBoard.now(held, Place.State.CANCELLED_BY_STAFF));

        MvcTestResult result = mvc.post()
            .uri("/groups/ocd/places/" + held.signupId() + "/cancel")
            .with(staff())
            .with(csrf())
            .exchange();

        assertThat(result).hasStatus(302).redirectedUrl().isEqualTo("/groups/ocd");
        assertThat(result).flash()
            .containsEntry("message", "Seat cancelled. If anyone was waiting, the first in line has been offered it.");
        assertThat(requests.sent).singleElement().satisfies(request -> {
            assertThat(request.action()).isEqualTo(GroupRequests.Action.CANCEL);
            assertThat(request.groupId()).isEqualTo("ocd");
            assertThat(request.signupId()).isEqualTo(held.signupId());
            assertThat(request.staffId()).isEqualTo(ConsoleDoubles.STAFF);
        });
        assertThat(audit.recorded).singleElement().satisfies(activity -> {
            assertThat(activity.kind()).isEqualTo(Activity.Kind.CANCELLED_PLACE);
            assertThat(activity.requestId()).isEqualTo(requests.sent.get(0).requestId());
        });
        assertThat(board.people("ocd").seated()).isEmpty();
    }

    @Test
    void aCancellationTheProcessorHasNotAppliedInTimeIsSaidToBeOnItsWay() {
        Place waiting = onTheBoard.waiting("Dan", 5);

        MvcTestResult result = mvc.post()
            .uri("/groups/ocd/places/" + waiting.signupId() + "/cancel")
            .with(staff())
            .with(csrf())
            .exchange();

        assertThat(result).flash().containsEntry("message", "Cancellation sent; the processor has not applied it yet.");
        assertThat(requests.sent).hasSize(1);
    }

    @Test
    void aPlaceThatHasEndedIsNotCancelledAgain() {
        Place held = onTheBoard.heldSeat("Cal", 1);
        board.on(OnTheBoard.now(held, Place.State.HOLD_EXPIRED));

        MvcTestResult result = mvc.post()
            .uri("/groups/ocd/places/" + held.signupId() + "/cancel")
            .with(staff())
            .with(csrf())
            .exchange();

        assertThat(result).flash().containsEntry("message", "That place had already ended; nothing was sent.");
        assertThat(requests.sent).isEmpty();
        assertThat(audit.recorded).isEmpty();
    }

    @Test
    void anAdminChangesACohortsCapacityThroughTheProcessor() {
        onTheBoard.seats(10, 0, 10, 4);
        requests.processor = request -> onTheBoard.seats(request.capacity(), 1, 10, 3);

        MvcTestResult result = mvc.post()
            .uri("/groups/ocd/cohorts/ocd-tue/capacity")
            .param("capacity", "11")
            .with(user(ConsoleDoubles.ADMIN).roles("ADMIN"))
            .with(csrf())
            .exchange();

        assertThat(result).flash().containsEntry("message", "Capacity of ocd-tue is now 11.");
        assertThat(requests.sent).singleElement().satisfies(request -> {
            assertThat(request.action()).isEqualTo(GroupRequests.Action.CHANGE_CAPACITY);
            assertThat(request.cohortId()).isEqualTo("ocd-tue");
            assertThat(request.capacity()).isEqualTo(11);
            assertThat(request.staffId()).isEqualTo(ConsoleDoubles.ADMIN);
        });
        assertThat(audit.recorded).singleElement()
            .satisfies(activity -> assertThat(activity.detail()).isEqualTo("capacity 11"));
    }

    @Test
    void aCapacityOutsideItsBoundsOrForAnUnknownCohortIsRefused() {
        assertThat(mvc.post()
            .uri("/groups/ocd/cohorts/ocd-tue/capacity")
            .param("capacity", "-1")
            .with(user(ConsoleDoubles.ADMIN).roles("ADMIN"))
            .with(csrf())
            .exchange()).hasStatus(400).hasContentType("application/problem+json");
        assertThat(mvc.post()
            .uri("/groups/ocd/cohorts/anxiety-tue/capacity")
            .param("capacity", "5")
            .with(user(ConsoleDoubles.ADMIN).roles("ADMIN"))
            .with(csrf())
            .exchange()).hasStatus(404);
        assertThat(requests.sent).isEmpty();
    }

    @Test
    void anAdminErasesAPersonRecordedFirstThenSentToTheProcessorAndTheirDetailsLeaveThePage() {
        Place held = onTheBoard.heldSeat("Cal", 1);
        String page = "/groups/ocd/places/" + held.signupId();
        assertThat(mvc.get().uri(page).with(admin()).exchange()).bodyText().contains("Erase personal data");
        requests.processor = request -> {
            assertThat(audit.recorded).as("recorded before it is sent").hasSize(2);
            board.on(OnTheBoard.now(held, Place.State.ERASED));
            board.forget(java.util.List.of(request.signupId()));
        };

        MvcTestResult result = mvc.post().uri(page + "/erase").with(admin()).with(csrf()).exchange();

        assertThat(result).flash()
            .containsEntry("message",
                    "Erased: their details are gone, and a place they held went to the first in line.");
        assertThat(requests.sent).singleElement().satisfies(request -> {
            assertThat(request.action()).isEqualTo(GroupRequests.Action.ERASE);
            assertThat(request.signupId()).isEqualTo(held.signupId());
            assertThat(request.staffId()).isEqualTo(ConsoleDoubles.ADMIN);
        });
        assertThat(audit.recorded).extracting(Activity::kind)
            .containsExactly(Activity.Kind.VIEWED_PLACE, Activity.Kind.REQUESTED_ERASURE);
        assertThat(mvc.get().uri(page).with(admin()).exchange()).bodyText()
            .doesNotContain("Cal")
            .doesNotContain("cal@example.org")
            .doesNotContain("Erase personal data")
            .contains("Erased on request");
        assertThat(mvc.post().uri(page + "/erase").with(admin()).with(csrf()).exchange()).flash()
            .containsEntry("message", "That person was erased before; nothing was sent.");
        assertThat(requests.sent).hasSize(1);
    }

    @Test
    void staffWhoAreNotAdminsCannotEraseAnyoneNorSeeTheButton() {
        Place held = onTheBoard.heldSeat("Cal", 1);
        String page = "/groups/ocd/places/" + held.signupId();

        assertThat(mvc.post().uri(page + "/erase").with(staff()).with(csrf()).exchange()).hasStatus(403);
        assertThat(mvc.get().uri(page).with(staff()).exchange()).bodyText().doesNotContain("Erase personal data");
        assertThat(requests.sent).isEmpty();
    }

    @Test
    void resendingAsksForTheEmailOfTheLatestEventAboutThePlace() {
        Place held = onTheBoard.heldSeat("Cal", 3);

        MvcTestResult result = mvc.post()
            .uri("/groups/ocd/places/" + held.signupId() + "/resend")
            .with(staff())
            .with(csrf())
            .exchange();

        assertThat(result).hasStatus(302).redirectedUrl().isEqualTo("/groups/ocd/places/" + held.signupId());
        assertThat(requests.resends).singleElement().satisfies(resend -> {
            assertThat(resend.signupId()).isEqualTo(held.signupId());
            assertThat(resend.source()).isEqualTo(new Happening.EmailSource("enrollment.seats.reserved", 2, 43));
        });
        assertThat(audit.recorded).singleElement()
            .satisfies(activity -> assertThat(activity.kind()).isEqualTo(Activity.Kind.RESENT_LAST_EMAIL));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
        return user(ConsoleDoubles.ADMIN).roles("ADMIN");
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor staff() {
        return user(ConsoleDoubles.STAFF).roles("STAFF");
    }

}
