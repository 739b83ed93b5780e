package org.groupenrollment.pipeline;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.groupenrollment.events.Clients;
import org.groupenrollment.events.StaffActivityRecorded;
import org.groupenrollment.events.config.EnrollmentTopics;
import org.groupenrollment.testsupport.SchemaRegistryExtension;
import org.groupenrollment.testsupport.SchemaRegistryProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The staff console on real parts (a KRaft broker, the registry, an SMTP server, the
 * three services): staff sign in, see a full group fill, cancel a seat and see the first
 * in line promoted, send an email again, erase a person, redrive a dead letter and watch
 * it fail again visibly; every view and action lands on the audit topic, by ids only.
 */
@ExtendWith(SchemaRegistryExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffConsoleIntegrationTests {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
        .withPerMethodLifecycle(false);

    private static final EnrollmentTopics TOPICS = EnrollmentTopics.fromSharedConfiguration();

    private static final String ADMIN = "ada";

    private static final String PASSWORD = UUID.randomUUID().toString();

    private final HttpClient http = HttpClient.newHttpClient();

    private EmbeddedKafkaKraftBroker broker;

    private RunningPipeline pipeline;

    private Clients clients;

    @BeforeAll
    void start(SchemaRegistryProcess registry) throws IOException {
        broker = SingleNodeKafka.start();
        clients = new Clients(broker.getBrokersAsString(), registry.url());
        pipeline = new RunningPipeline(broker.getBrokersAsString(), registry.url(), smtp.getSmtp().getPort(),
                Files.createTempDirectory("console-"))
            .start()
            .startConsole(ADMIN, PASSWORD);
    }

    @AfterAll
    void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void aWrongPasswordIsRefusedAndTheRightOneSignsIn() throws Exception {
        assertThat(new BrowserSession(pipeline.consoleUrl()).signIn(ADMIN, "wrong")).endsWith("/login?error");
        BrowserSession staff = new BrowserSession(pipeline.consoleUrl());
        assertThat(staff.signIn(ADMIN, PASSWORD)).endsWith("/");
        assertThat(staff.get("/").body()).contains("OCD", "ocd-tue", "Sign out");
    }

    @Test
    void staffSeeAGroupFillCancelASeatAndTheFirstInLineIsPromotedAllAudited() throws Exception {
        String run = uniqueName("Olive");
        List<String> people = IntStream.range(0, 11).mapToObj(i -> run + (char) ('a' + i)).toList();
        for (String person : people) {
            assertThat(submit(person, "NY", "ocd").statusCode()).isEqualTo(202);
        }
        String waiting = people.get(10);
        BrowserSession staff = new BrowserSession(pipeline.consoleUrl());
        staff.signIn(ADMIN, PASSWORD);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String page = staff.get("/groups/ocd").body();
            assertThat(people).allSatisfy(person -> assertThat(page).contains(person + " Example"));
            assertThat(page.substring(page.indexOf("<h2>Waitlist</h2>"))).contains(waiting + " Example");
        });
        String cancelled = people.get(3);
        String cancelledSignup = BrowserSession.signupOfRowNaming(staff.get("/groups/ocd").body(), cancelled)
            .orElseThrow();

        HttpResponse<String> cancel = staff.post("/groups/ocd/places/" + cancelledSignup + "/cancel", Map.of());

        assertThat(cancel.statusCode()).isEqualTo(302);
        String after = staff.get("/groups/ocd").body();
        assertThat(after).contains("Seat cancelled.").doesNotContain(cancelled + " Example");
        assertThat(after.substring(after.indexOf("<h2>Seats</h2>"), after.indexOf("<h2>Waitlist</h2>")))
            .contains(waiting + " Example")
            .contains("from the waitlist");
        awaitEmail(address(cancelled), "Your group place was cancelled");
        awaitEmail(address(waiting), "A seat opened for you");
        assertThat(audited()).anySatisfy(activity -> {
            assertThat(activity.getActivity().name()).isEqualTo("CANCELLED_PLACE");
            assertThat(activity.getSignupId()).hasToString(cancelledSignup);
            assertThat(activity.getStaffId()).isEqualTo(ADMIN);
        }).anySatisfy(activity -> assertThat(activity.getActivity().name()).isEqualTo("VIEWED_GROUP_PEOPLE"));
    }

    @Test
    void anAdminErasesAPersonWhoseNameLeavesTheConsoleWithNoEmailAboutItAndTheAuditSaysWhoAndWhen() throws Exception {
        String person = uniqueName("Erin");
        assertThat(submit(person, "NY", "grief-and-loss").statusCode()).isEqualTo(202);
        awaitEmail(address(person), "Please confirm your group place");
        BrowserSession staff = new BrowserSession(pipeline.consoleUrl());
        staff.signIn(ADMIN, PASSWORD);
        String signup = awaitSignupOnPage(staff, "/groups/grief-and-loss", person);
        String place = "/groups/grief-and-loss/places/" + signup;
        assertThat(staff.get(place).body()).contains(person, "Erase personal data");

        HttpResponse<String> erased = staff.post(place + "/erase", Map.of());

        assertThat(erased.statusCode()).isEqualTo(302);
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(staff.get(place).body()).doesNotContain(person)
                .contains("Erased on request", "Personal data erased", "asked by " + ADMIN));
        assertThat(staff.get("/groups/grief-and-loss").body()).doesNotContain(person);
        assertThat(staff.get("/audit").body()).contains("REQUESTED_ERASURE")
            .containsSubsequence("<table id=\"erasures\">", ADMIN, signup, "yes");
        assertThat(subjectsTo(address(person))).as("nobody is told of an erased seat")
            .containsExactly("Please confirm your group place");
    }

    @Test
    void resendingSendsThePersonsLastEmailAgainAsAMessageOfItsOwn() throws Exception {
        String person = uniqueName("Rhea");
        assertThat(submit(person, "FL", "anxiety").statusCode()).isEqualTo(202);
        MimeMessage first = awaitEmail(address(person), "Please confirm your group place");
        BrowserSession staff = new BrowserSession(pipeline.consoleUrl());
        staff.signIn(ADMIN, PASSWORD);
        String signup = awaitSignupOnPage(staff, "/groups/anxiety", person);
        staff.get("/groups/anxiety/places/" + signup);

        staff.post("/groups/anxiety/places/" + signup + "/resend", Map.of());

        await().atMost(Duration.ofSeconds(60))
            .untilAsserted(() -> assertThat(subjectsTo(address(person)))
                .containsExactly("Please confirm your group place", "Please confirm your group place"));
        MimeMessage again = Arrays.stream(smtp.getReceivedMessages())
            .filter(message -> Emails.recipient(message).equals(address(person)))
            .reduce((one, two) -> two)
            .orElseThrow();
        assertThat(again.getMessageID()).isNotEqualTo(first.getMessageID()).contains("resend.");
        assertThat(Emails.placeToken(again)).isNotNull();
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(staff.get("/groups/anxiety/places/" + signup).body())
                .contains("Last email sent again by staff", "by " + ADMIN));
        assertThat(audited()).anySatisfy(activity -> {
            assertThat(activity.getActivity().name()).isEqualTo("RESENT_LAST_EMAIL");
            assertThat(activity.getSignupId()).hasToString(signup);
        }).anySatisfy(activity -> assertThat(activity.getActivity().name()).isEqualTo("VIEWED_PLACE"));
    }

    @Test
    void aRedrivenDeadLetterGoesBackToItsTopicAndFailingAgainShowsItWasRedriven() throws Exception {
        try (var producer = clients.rawProducer()) {
            producer
                .send(new ProducerRecord<>(TOPICS.signupsSubmitted(), "ocd",
                        "not a signup".getBytes(StandardCharsets.UTF_8)))
                .get();
        }
        BrowserSession staff = new BrowserSession(pipeline.consoleUrl());
        staff.signIn(ADMIN, PASSWORD);
        String first = await().atMost(Duration.ofSeconds(60))
            .until(() -> deadLetterIds(staff.get("/dead-letters").body()), ids -> !ids.isEmpty())
            .get(0);
        assertThat(staff.get("/dead-letters").body()).contains("from " + TOPICS.signupsSubmitted());

        staff.post("/dead-letters/redrive", List.of(Map.entry("id", first)));

        await().atMost(Duration.ofSeconds(60))
            .untilAsserted(() -> assertThat(staff.get("/dead-letters").body()).contains("Redriven by " + ADMIN)
                .contains("redriven 1× before"));
        List<String> now = deadLetterIds(staff.get("/dead-letters").body());
        assertThat(now).hasSize(2).contains(first);
        staff.post("/dead-letters/resolve", List.of(Map.entry("id", first)));
        assertThat(deadLetterIds(staff.get("/dead-letters").body())).hasSize(1).doesNotContain(first);
        assertThat(audited()).anySatisfy(activity -> {
            assertThat(activity.getActivity().name()).isEqualTo("REDROVE_DEAD_LETTER");
            assertThat(activity.getDeadLetter()).isEqualTo(first);
        });
    }

    @Test
    void theAuditTrailNamesNoOneItHoldsIdsOnly() throws Exception {
        String person = uniqueName("Nadia");
        assertThat(submit(person, "NJ", "depression").statusCode()).isEqualTo(202);
        BrowserSession staff = new BrowserSession(pipeline.consoleUrl());
        staff.signIn(ADMIN, PASSWORD);
        await().atMost(Duration.ofSeconds(60))
            .untilAsserted(() -> assertThat(staff.get("/groups/depression").body()).contains(person));

        List<String> raw = new ArrayList<>();
        try (var consumer = clients.rawConsumer("audit-" + UUID.randomUUID(), "read_committed")) {
            consumer.subscribe(List.of(TOPICS.staffAudit()));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(500))
                    .forEach(record -> raw.add(new String(record.value(), StandardCharsets.ISO_8859_1)));
                return raw.stream().anyMatch(record -> record.contains("depression"));
            });
        }
        assertThat(raw).noneMatch(record -> record.contains(person) || record.contains("example.org"));
        assertThat(staff.get("/audit").body()).contains("VIEWED_GROUP_PEOPLE", "depression");
    }

    private List<StaffActivityRecorded> audited() {
        List<StaffActivityRecorded> activities = new ArrayList<>();
        try (var consumer = clients.avroConsumer("audit-" + UUID.randomUUID())) {
            consumer.subscribe(List.of(TOPICS.staffAudit()));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                int before = activities.size();
                for (ConsumerRecord<String, ?> record : consumer.poll(Duration.ofMillis(1000))) {
                    activities.add((StaffActivityRecorded) record.value());
                }
                return !activities.isEmpty() && activities.size() == before;
            });
        }
        return activities;
    }

    /** The signup of the row naming {@code person} on a group's page, once it shows. */
    private static String awaitSignupOnPage(BrowserSession staff, String groupPage, String person) {
        return await().atMost(Duration.ofSeconds(30))
            .until(() -> BrowserSession.signupOfRowNaming(staff.get(groupPage).body(), person),
                    found -> found.isPresent())
            .orElseThrow();
    }

    private static List<String> deadLetterIds(String page) {
        List<String> ids = new ArrayList<>();
        var matcher = java.util.regex.Pattern.compile("data-dead-letter=\"([^\"]+)\"").matcher(page);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    private HttpResponse<String> submit(String firstName, String state, String group)
            throws IOException, InterruptedException {
        String body = """
                {"firstName":"%s","lastName":"Example","email":"%s","state":"%s","group":"%s"}""".formatted(firstName,
                address(firstName), state, group);
        return http.send(HttpRequest.newBuilder(URI.create(pipeline.signupUrl() + "/api/signups"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Names are letters only; these are unlike any other test's. */
    private static String uniqueName(String prefix) {
        StringBuilder name = new StringBuilder(prefix);
        new java.util.Random().ints(6, 'a', 'z' + 1).forEach(letter -> name.append((char) letter));
        return name.toString();
    }

    private static String address(String firstName) {
        return firstName.toLowerCase() + "@example.org";
    }

    private static List<String> subjectsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages())
            .filter(message -> Emails.recipient(message).equals(address))
            .map(Emails::subject)
            .toList();
    }

    private static MimeMessage awaitEmail(String address, String subject) {
        return await().atMost(Duration.ofSeconds(60))
            .until(() -> Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> Emails.recipient(message).equals(address) && subject.equals(Emails.subject(message)))
                .findFirst()
                .orElse(null), found -> found != null);
    }

}
