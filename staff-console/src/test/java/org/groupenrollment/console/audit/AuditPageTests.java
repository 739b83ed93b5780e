package org.groupenrollment.console.audit;

import org.groupenrollment.console.ConsoleDoubles;
import org.groupenrollment.console.StaffConsoleApplication;
import org.groupenrollment.console.security.TestSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

@WebMvcTest(properties = { "spring.config.name=" + StaffConsoleApplication.CONFIG_NAME,
        "enrollment.console.audit-shown=2" })
@Import({ TestSecurity.class, ConsoleDoubles.class })
class AuditPageTests {

    @DynamicPropertySource
    static void users(DynamicPropertyRegistry registry) {
        ConsoleDoubles.users(registry);
    }

    @Autowired
    MockMvcTester mvc;

    @Autowired
    RecentActivity recent;

    @Autowired
    ConsoleDoubles.RecordingAuditTrail audit;

    @BeforeEach
    void nothingRecordedYet() {
        audit.recorded.clear();
    }

    @Test
    void anAdminSeesTheLatestRecordsNewestFirstAndTheReadingIsRecordedToo() {
        recent.on(Activity.of("sam", Activity.Kind.VIEWED_GROUP_PEOPLE).group("grief").at(ConsoleDoubles.NOW));
        recent.on(Activity.of("sam", Activity.Kind.CANCELLED_PLACE).group("ocd").at(ConsoleDoubles.NOW));
        recent.on(Activity.of("ada", Activity.Kind.CHANGED_CAPACITY)
            .group("anxiety")
            .cohort("anxiety-tue")
            .detail("capacity 14")
            .at(ConsoleDoubles.NOW));

        MvcTestResult page = mvc.get().uri("/audit").with(user(ConsoleDoubles.ADMIN).roles("ADMIN")).exchange();

        assertThat(page).hasStatusOk();
        assertThat(page).bodyText()
            .containsSubsequence("CHANGED_CAPACITY", "anxiety / anxiety-tue", "capacity 14", "CANCELLED_PLACE", "ocd")
            .doesNotContain("VIEWED_GROUP_PEOPLE");
        assertThat(audit.recorded).extracting(Activity::kind, Activity::staffId)
            .containsExactly(
                    org.assertj.core.groups.Tuple.tuple(Activity.Kind.VIEWED_AUDIT_TRAIL, ConsoleDoubles.ADMIN));
    }

    @Test
    void everyErasureIsListedWithWhoAskedWhenAndWhenItWasDoneNewestFirst() {
        recent.on(new Erasure("5b1e0c3a-0000-4000-8000-000000000001",
                java.util.List.of("5b1e0c3a-0000-4000-8000-000000000001"), true, null, ConsoleDoubles.NOW,
                ConsoleDoubles.NOW.plusSeconds(1)));
        recent.on(new Erasure("5b1e0c3a-0000-4000-8000-000000000002",
                java.util.List.of("5b1e0c3a-0000-4000-8000-000000000002", "5b1e0c3a-0000-4000-8000-000000000003"),
                false, "ada", ConsoleDoubles.NOW.plusSeconds(60), ConsoleDoubles.NOW.plusSeconds(61)));

        MvcTestResult page = mvc.get().uri("/audit").with(user(ConsoleDoubles.ADMIN).roles("ADMIN")).exchange();

        assertThat(page).bodyText()
            .containsSubsequence("<table id=\"erasures\">", "ada", "5b1e0c3a-0000-4000-8000-000000000002",
                    "5b1e0c3a-0000-4000-8000-000000000003", "no: encryption is off", "the person",
                    "5b1e0c3a-0000-4000-8000-000000000001", "yes");
    }

}
