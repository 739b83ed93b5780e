package org.groupenrollment.console.security;

import java.util.List;
import java.util.UUID;

import org.groupenrollment.console.ConsoleDoubles;
import org.groupenrollment.console.StaffConsoleApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Who may see and do what, on the console's web layer with its real security: every page
 * and action refused without signing in and with the wrong role, forms refused without
 * their CSRF token, and nothing sent or recorded when refused.
 */
@WebMvcTest(properties = "spring.config.name=" + StaffConsoleApplication.CONFIG_NAME)
@Import({ StaffSecurity.class, ConsoleDoubles.class })
class StaffSecurityTests {

    private static final String PLACE = "/groups/ocd/places/" + UUID.randomUUID();

    private static final List<String> PAGES = List.of("/", "/groups/ocd", PLACE, "/dead-letters", "/audit");

    private static final List<String> ACTIONS = List.of(PLACE + "/cancel", PLACE + "/resend",
            "/groups/ocd/cohorts/ocd-tue/capacity?capacity=12", "/dead-letters/redrive?id=x",
            "/dead-letters/resolve?id=x");

    private static final List<String> ADMIN_ONLY = List.of("/dead-letters", "/audit");

    private static final List<String> ADMIN_ACTIONS = List.of("/groups/ocd/cohorts/ocd-tue/capacity?capacity=12",
            "/dead-letters/redrive?id=x", "/dead-letters/resolve?id=x");

    @DynamicPropertySource
    static void users(DynamicPropertyRegistry registry) {
        ConsoleDoubles.users(registry);
    }

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ConsoleDoubles.RecordingAuditTrail audit;

    @Autowired
    ConsoleDoubles.RecordingRequests requests;

    @Autowired
    ConsoleDoubles.RecordingRedriver redriver;

    @AfterEach
    void nothingWasSentOrRecorded() {
        assertThat(audit.recorded).isEmpty();
        assertThat(requests.sent).isEmpty();
        assertThat(requests.resends).isEmpty();
        assertThat(redriver.redriven).isEmpty();
    }

    @Test
    void everyPageSendsABrowserThatIsNotSignedInToTheSignInPageAndAnythingElseGets401() {
        for (String page : PAGES) {
            MvcTestResult result = mvc.get().uri(page).accept(MediaType.TEXT_HTML).exchange();
            assertThat(result).as(page).hasStatus(302).redirectedUrl().endsWith("/login");
            assertThat(mvc.get().uri(page).exchange()).as(page).hasStatus(401);
        }
    }

    @Test
    void theFiguresApiAnswers401WhenNotSignedIn() {
        assertThat(mvc.get().uri("/api/overview").exchange()).hasStatus(401);
    }

    @Test
    void everyActionIsRefusedWhenNotSignedInEvenWithAToken() {
        for (String action : ACTIONS) {
            MvcTestResult result = mvc.post().uri(action).accept(MediaType.TEXT_HTML).with(csrf()).exchange();
            assertThat(result).as(action).hasStatus(302).redirectedUrl().endsWith("/login");
        }
    }

    @Test
    void staffWithoutTheAdminRoleAreRefusedDeadLettersTheAuditTrailAndCapacities() {
        for (String page : ADMIN_ONLY) {
            assertThat(mvc.get().uri(page).with(user(ConsoleDoubles.STAFF).roles("STAFF")).exchange()).as(page)
                .hasStatus(403)
                .hasContentType("application/problem+json");
        }
        for (String action : ADMIN_ACTIONS) {
            assertThat(mvc.post().uri(action).with(user(ConsoleDoubles.STAFF).roles("STAFF")).with(csrf()).exchange())
                .as(action)
                .hasStatus(403);
        }
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefusedForAnAdminToo() {
        for (String action : ACTIONS) {
            assertThat(mvc.post().uri(action).with(user(ConsoleDoubles.ADMIN).roles("ADMIN")).exchange()).as(action)
                .hasStatus(403);
        }
    }

    @Test
    void aConfiguredUserSignsInWithTheirPasswordAndNotWithAnother() {
        assertThat(mvc.perform(formLogin().user(ConsoleDoubles.STAFF).password(ConsoleDoubles.PASSWORD))).hasStatus(302)
            .redirectedUrl()
            .isEqualTo("/");
        assertThat(mvc.perform(formLogin().user(ConsoleDoubles.STAFF).password("not the password"))).hasStatus(302)
            .redirectedUrl()
            .isEqualTo("/login?error");
        assertThat(mvc.perform(formLogin().user("nobody").password(ConsoleDoubles.PASSWORD))).redirectedUrl()
            .isEqualTo("/login?error");
    }

    @Test
    void pagesAreNeverCachedCannotBeFramedAndLeakNoReferrer() {
        MvcTestResult page = mvc.get().uri("/").with(user(ConsoleDoubles.STAFF).roles("STAFF")).exchange();

        assertThat(page).hasStatusOk();
        assertThat(page).headers()
            .hasValue("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate")
            .hasValue("X-Frame-Options", "DENY")
            .hasValue("Referrer-Policy", "no-referrer")
            .hasValue("X-Content-Type-Options", "nosniff")
            .hasValue("Content-Security-Policy", StaffSecurity.CONTENT_SECURITY_POLICY);
    }

    @Test
    void theSignInPageIsOpenAndItsFormCarriesACsrfToken() {
        MvcTestResult page = mvc.get().uri("/login").exchange();

        assertThat(page).hasStatusOk();
        assertThat(page).bodyText().contains("name=\"_csrf\"").contains("autocomplete=\"current-password\"");
    }

}
