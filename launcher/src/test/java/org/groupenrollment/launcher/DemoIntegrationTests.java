package org.groupenrollment.launcher;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ./run-pipeline --demo} tells the story the README tells, email by email: seats
 * held and confirmed, the redirects, a cancellation whose seat goes to the first on the
 * waitlist, and a hold left to run out (2 minutes in the demo) whose seat goes to the
 * next.
 */
class DemoIntegrationTests {

    private static final String HELD = "Please confirm your group place";

    private static final String CONFIRMED = "Your group place is confirmed";

    private static final String WAITLISTED = "You are on the waitlist for your group";

    private static final String OPENED = "A seat opened for you";

    @Test
    void theDemosPeopleConfirmCancelAndLetAHoldRunOutAndTheWaitlistMovesUpAsTheReadmeSays() throws Exception {
        try (RunPipeline pipeline = new RunPipeline().start("--demo")) {
            Inbox inbox = new Inbox("http://127.0.0.1:" + pipeline.port("mail-api"));
            Map<String, List<String>> expected = Map.of("maya.lindqvist@example.org",
                    List.of(HELD, CONFIRMED, CONFIRMED), "jordan.okafor@example.org", List.of(HELD, CONFIRMED),
                    "priya.raman@example.org", List.of(HELD, CONFIRMED), "luis.herrera@example.org",
                    List.of("An online skills course we can offer you"), "grace.kim@example.org",
                    List.of("An online skills course we can offer you"), "chloe.demo@example.org",
                    List.of(HELD, CONFIRMED), DemoStory.CANCELS, List.of(HELD, "Your group place is cancelled"),
                    "kira.demo@example.org", List.of(WAITLISTED, OPENED, CONFIRMED), DemoStory.LETS_IT_RUN_OUT,
                    List.of(HELD, "Your held seat was released"), "leo.demo@example.org",
                    List.of(WAITLISTED, OPENED, CONFIRMED));

            await("the demo's story, hold run out included").atMost(DemoStory.HOLD.plus(Duration.ofMinutes(2)))
                .pollInterval(Duration.ofSeconds(2))
                .ignoreExceptions()
                .untilAsserted(() -> {
                    Map<String, List<String>> received = subjectsByPerson(inbox);
                    expected.forEach((person, subjects) -> assertThat(received.get(person)).as(person)
                        .containsExactlyInAnyOrderElementsOf(subjects));
                });
            assertThat(subjectsByPerson(inbox)).as("everyone in the demo").hasSize(17);
            assertThat(pipeline.output()).contains("Demo: " + DemoStory.CANCELS + " cancelled")
                .contains("Demo: " + DemoStory.LETS_IT_RUN_OUT + " does not confirm")
                .contains("sent " + DemoStaff.RESENT_TO + " her confirmation again");
            assertThat(deadLettersPage(pipeline)).contains("from enrollment.signups.submitted")
                .contains("SerializationException");
        }
    }

    /** The staff console's dead letters, as the admin the launcher made sees them. */
    private static String deadLettersPage(RunPipeline pipeline) throws Exception {
        String console = "http://127.0.0.1:" + pipeline.port("console");
        StaffLogin admin = StaffLogin.adminIn(pipeline.dataDir());
        assertThat(pipeline.output()).contains("sign in as admin with password " + admin.password());
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String login = http
            .send(HttpRequest.newBuilder(URI.create(console + "/login")).build(), HttpResponse.BodyHandlers.ofString())
            .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        assertThat(csrf.find()).isTrue();
        http.send(HttpRequest.newBuilder(URI.create(console + "/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("username=admin&password="
                    + URLEncoder.encode(admin.password(), StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1)))
            .build(), HttpResponse.BodyHandlers.discarding());
        return http
            .send(HttpRequest.newBuilder(URI.create(console + "/dead-letters")).build(),
                    HttpResponse.BodyHandlers.ofString())
            .body();
    }

    private static Map<String, List<String>> subjectsByPerson(Inbox inbox) throws Exception {
        Map<String, List<String>> byPerson = new HashMap<>();
        for (Inbox.Mail mail : inbox.messages()) {
            byPerson.computeIfAbsent(mail.to(), person -> new ArrayList<>()).add(mail.subject());
        }
        return byPerson;
    }

}
