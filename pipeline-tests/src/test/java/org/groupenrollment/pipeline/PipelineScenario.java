package org.groupenrollment.pipeline;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.groupenrollment.events.Clients;
import org.groupenrollment.events.SignupSubmitted;
import org.groupenrollment.events.config.EnrollmentTopics;
import org.groupenrollment.events.links.PlaceLinks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The end-to-end scenarios: an HTTP signup in, the right email out. Subclasses provide
 * the broker and registry (from Maven Central, or in containers); the SMTP server is
 * GreenMail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PipelineScenario {

    /** One SMTP server for the class: the pipeline is started once, against its port. */
    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
        .withPerMethodLifecycle(false);

    private final HttpClient http = HttpClient.newHttpClient();

    private RunningPipeline pipeline;

    abstract String bootstrapServers();

    abstract String registryUrl();

    /**
     * Once per class, after the subclass's {@code @BeforeAll} has started the
     * infrastructure.
     */
    @BeforeEach
    void startPipelineOnce() throws IOException {
        if (pipeline == null) {
            Path dataDir = Files.createTempDirectory("pipeline-");
            pipeline = new RunningPipeline(bootstrapServers(), registryUrl(), smtp.getSmtp().getPort(), dataDir)
                .start();
        }
    }

    @AfterAll
    void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void aNewYorkResidentIsHeldASeatConfirmsItFromTheLinkInTheEmailAndGetsACalendarInvite() throws Exception {
        String email = uniqueEmail("new-yorker");

        HttpResponse<String> accepted = submit(email, "NY", "anxiety");

        assertThat(accepted.statusCode()).isEqualTo(202);
        MimeMessage held = awaitEmailTo(email, "Please confirm your group place");
        assertThat(GreenMailUtil.getBody(held)).contains("Anxiety")
            .contains("Tuesday")
            .contains("Please confirm it by");
        String token = placeToken(held);
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(get(PlaceLinks.PATH + token).body()).contains("We are holding seat")
                .contains("Confirm my place"));

        HttpResponse<String> confirmed = post("/api/places/" + token + "/confirm");

        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("\"status\":\"CONFIRMED\"");
        MimeMessage confirmation = awaitEmailTo(email, "Your group place is confirmed");
        MimeMultipart parts = (MimeMultipart) confirmation.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/mixed");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/calendar");
        assertThat(get(PlaceLinks.PATH + token).body()).contains("Your place is confirmed");
        String statusUrl = accepted.headers().firstValue("Location").orElseThrow();
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(get(statusUrl).body()).contains("\"status\":\"SEAT_RESERVED\""));
    }

    @Test
    void aTexasResidentGetsTheDbtEmail() throws Exception {
        String email = uniqueEmail("texan");

        assertThat(submit(email, "TX", "depression").statusCode()).isEqualTo(202);

        MimeMessage received = awaitEmailTo(email);
        assertThat(received.getSubject()).isEqualTo("An online skills course we can offer you");
        assertThat(GreenMailUtil.getBody(received)).contains("You told us you live in TX").contains("DBT skills group");
    }

    @Test
    void whenOneOfTwelveCancelsTheThirteenthWaitingIsOfferedTheSeatAndTheFourteenthMovesUp() throws Exception {
        List<String> firstTwelve = java.util.stream.IntStream.rangeClosed(1, 12)
            .mapToObj(i -> uniqueEmail("griever" + i))
            .toList();
        for (String email : firstTwelve) {
            assertThat(submit(email, "FL", "grief-and-loss").statusCode()).isEqualTo(202);
        }
        for (String email : firstTwelve) {
            awaitEmailTo(email, "Please confirm your group place");
        }
        String thirteenth = uniqueEmail("thirteenth");
        String fourteenth = uniqueEmail("fourteenth");
        assertThat(submit(thirteenth, "NJ", "grief-and-loss").statusCode()).isEqualTo(202);
        MimeMessage waiting = awaitEmailTo(thirteenth, "You are on the waitlist for your group");
        assertThat(GreenMailUtil.getBody(waiting)).contains("You are number 1 in line");
        assertThat(submit(fourteenth, "NY", "grief-and-loss").statusCode()).isEqualTo(202);
        String fourteenthsPage = PlaceLinks.PATH
                + placeToken(awaitEmailTo(fourteenth, "You are on the waitlist for your group"));
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(get(fourteenthsPage).body()).contains("You are number 2 in line"));

        String cancelling = firstTwelve.get(4);
        HttpResponse<String> cancelled = post(
                "/api/places/" + placeToken(awaitEmailTo(cancelling, "Please confirm your group place")) + "/cancel");

        assertThat(cancelled.statusCode()).isEqualTo(200);
        awaitEmailTo(cancelling, "Your group place is cancelled");
        MimeMessage opened = awaitEmailTo(thirteenth, "A seat opened for you");
        assertThat(GreenMailUtil.getBody(opened)).contains("you were first on the waitlist")
            .contains("Please confirm it by");
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(get(fourteenthsPage).body()).contains("You are number 1 in line"));
        assertThat(smtp.getReceivedMessages()).filteredOn(message -> Emails.recipient(message).equals(fourteenth))
            .as("moving up is shown on the page, not emailed")
            .hasSize(1);
    }

    @Test
    void anInvalidSignupIsRefusedAndPublishesAndSendsNothing() throws Exception {
        String invalid = uniqueEmail("invalid");
        String next = uniqueEmail("next-in-line");

        HttpResponse<String> response = submit(invalid, "ZZ", "anxiety");
        assertThat(submit(next, "NY", "anxiety").statusCode()).isEqualTo(202);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"state\"");
        // Same group, so same partition: once the next signup is on the topic, an earlier
        // one would be too.
        List<String> published = signupEmailsUpTo(next);
        assertThat(published).doesNotContain(invalid);
        awaitEmailTo(next);
        assertThat(smtp.getReceivedMessages()).noneMatch(message -> Emails.recipient(message).equals(invalid));
    }

    /**
     * The applicants' addresses on the signups topic, from the beginning until
     * {@code last}'s signup.
     */
    private List<String> signupEmailsUpTo(String last) {
        List<String> emails = new java.util.ArrayList<>();
        try (var consumer = new Clients(bootstrapServers(), registryUrl()).avroConsumer("scenario-" + UUID.randomUUID(),
                pipeline.dataKeys())) {
            consumer.subscribe(List.of(EnrollmentTopics.fromSharedConfiguration().signupsSubmitted()));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(500))
                    .forEach(record -> emails.add(((SignupSubmitted) record.value()).getApplicant().getEmail()));
                return emails.contains(last);
            });
        }
        return emails;
    }

    private HttpResponse<String> submit(String email, String state, String group)
            throws IOException, InterruptedException {
        String body = """
                {"firstName":"Alex","lastName":"Rivera","email":"%s","state":"%s","group":"%s"}""".formatted(email,
                state, group);
        return http.send(HttpRequest.newBuilder(URI.create(pipeline.signupUrl() + "/api/signups"))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static MimeMessage awaitEmailTo(String email) {
        return awaitEmailTo(email, null);
    }

    /** The first email to {@code email} with {@code subject} (any, when null). */
    private static MimeMessage awaitEmailTo(String email, String subject) {
        return await().atMost(Duration.ofSeconds(60))
            .until(() -> Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> Emails.recipient(message).equals(email)
                        && (subject == null || subject.equals(Emails.subject(message))))
                .findFirst()
                .orElse(null), found -> found != null);
    }

    /** The token of the one link to the person's page in an email. */
    private static String placeToken(MimeMessage email) {
        String token = Emails.placeToken(email);
        assertThat(token).as("a link to the place's page").isNotNull();
        return token;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(pipeline.signupUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(pipeline.signupUrl() + path))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

}
