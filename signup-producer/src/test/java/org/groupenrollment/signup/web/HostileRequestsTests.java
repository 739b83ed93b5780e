package org.groupenrollment.signup.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.groupenrollment.signup.SignupProducerApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an attacker or a careless client sends, on the real embedded Tomcat with the
 * service's own configuration (only Kafka replaced): the errors that Tomcat and the
 * servlet container answer before Spring MVC sees the request are exactly the ones a
 * slice test cannot reach. Every API error is a problem body, every form error the form's
 * own page, and nothing is published.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        classes = { SignupProducerApplication.class, HostileRequestsTests.InPlaceOfKafka.class },
        properties = { "spring.config.name=" + SignupProducerApplication.CONFIG_NAME,
                "spring.kafka.listener.auto-startup=false", "enrollment.web.rate-limit.enabled=false",
                "enrollment.secrets.hmac-key=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=" })
class HostileRequestsTests {

    static final String PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    @LocalServerPort
    int port;

    @Autowired
    RecordingPublisher publisher;

    RawHttp http;

    @BeforeEach
    void connect() {
        http = new RawHttp(port);
        publisher.published.clear();
    }

    /**
     * First, since Tomcat logs only the first parsing error of each kind at INFO, and the
     * rest at DEBUG.
     */
    @Test
    @Order(1)
    void aRequestLineTomcatRefusesIsNotQuotedInTheLog(CapturedOutput log) throws IOException {
        var response = http.send("GET /api/signups/{zephyrine.quillfeather@example.org} HTTP/1.1\r\n");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith(PROBLEM_JSON);
        assertThat(log.getAll()).doesNotContain("zephyrine");
    }

    // 1. Bodies are bounded however they are framed.

    @ParameterizedTest
    @ValueSource(ints = { 64 * 1024, 1024 * 1024 })
    void aChunkedApiBodyOverTheLimitIsRefusedWith413ProblemAndPublishesNothing(int bytes) throws IOException {
        var response = http.sendChunked("POST /api/signups HTTP/1.1\r\nContent-Type: application/json\r\n",
                "{\"firstName\":\"Maya\",\"lastName\":\"", bytes);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).startsWith(PROBLEM_JSON);
        assertThat(response.body()).contains("\"status\":413").contains("larger than");
        assertThat(publisher.published).isEmpty();
    }

    @Test
    void aChunkedFormPostOverTheLimitGetsTheFormsOwnPageWith413AndPublishesNothing() throws IOException {
        var response = http.sendChunked(
                "POST /signups HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\nAccept: text/html\r\n",
                "firstName=", 3 * 1024 * 1024);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).startsWith("text/html");
        assertThat(response.body()).contains("too large").contains("href=\"/\"");
        assertThat(publisher.published).isEmpty();
    }

    @Test
    void sixteenConcurrentOversizedBodiesLeaveTheServiceHealthyAndPublishNothing() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(clients.submit(() -> statusOrRefused(
                        () -> http.sendChunked("POST /api/signups HTTP/1.1\r\nContent-Type: application/json\r\n",
                                "{\"firstName\":\"", 20 * 1024 * 1024))));
            }
            for (Future<Integer> answer : answers) {
                // 0: the server closed the connection after refusing the body, as it may.
                assertThat(answer.get()).isIn(413, 0);
            }
        }
        finally {
            clients.shutdownNow();
        }

        assertThat(http.send("GET / HTTP/1.1\r\n").status()).isEqualTo(200);
        assertThat(publisher.published).isEmpty();
        assertThat(postJson(SignupApiControllerTests.NEW_YORK_ANXIETY).status()).isEqualTo(202);
        assertThat(publisher.published).hasSize(1);
    }

    @Test
    void aHeaderBlockOverTheLimitIsRefusedWithAProblem() throws IOException {
        var response = http.send("GET /api/signups/x HTTP/1.1\r\nX-Padding: " + "p".repeat(64 * 1024) + "\r\n");

        assertThat(response.status()).isIn(400, 431);
        assertThat(response.header("Content-Type")).startsWith(PROBLEM_JSON);
    }

    // 5. Every error of the API is a problem body; the form shows its own page.

    @ParameterizedTest
    @ValueSource(strings = { "/api/signups/%00", "/api/signups/..%2f..%2factuator", "/api/signups/%ZZ",
            "/api/signups/a%5cb" })
    void aPathTheServerCannotDecodeIsRefusedWithAProblem(String path) throws IOException {
        var response = http.send("GET " + path + " HTTP/1.1\r\n");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith(PROBLEM_JSON);
        assertThat(response.body()).contains("\"status\":400").doesNotContain("Tomcat").doesNotContain("<html");
    }

    @Test
    void traceIsRefusedWithAProblem() throws IOException {
        var response = http.send("TRACE /api/signups HTTP/1.1\r\n");

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.header("Content-Type")).startsWith(PROBLEM_JSON);
    }

    @Test
    void anUnknownApiPathIsANotFoundProblem() throws IOException {
        var response = http.send("GET /api/nothing-here HTTP/1.1\r\nAccept: */*\r\n");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith(PROBLEM_JSON);
        assertThat(response.body()).doesNotContain("Whitelabel").doesNotContain("\"error\"");
    }

    @ParameterizedTest
    @ValueSource(strings = { "firstName=Ren%E9&lastName=Lindqvist", "firstName=Maya%ZZ&lastName=Lindqvist" })
    void aFormBodyThatCannotBeDecodedGetsTheFormsOwnPageAndPublishesNothing(String fields) throws IOException {
        FormSession form = openForm();
        byte[] body = (fields + "&email=maya%40example.org&state=NY&group=anxiety&idempotencyKey=k1&_csrf="
                + form.token())
            .getBytes(StandardCharsets.ISO_8859_1);

        var response = http.sendWithBody("POST /signups HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded; "
                + "charset=ISO-8859-1\r\nCookie: " + form.cookie() + "\r\n", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("text/html");
        assertThat(response.body()).contains("could not be read").contains("href=\"/\"").doesNotContain("Ren");
        assertThat(publisher.published).isEmpty();
    }

    @Test
    void aFormPostWithoutItsTokenGetsTheFormsOwnPageWith403() throws IOException {
        byte[] body = "firstName=Maya&lastName=Lindqvist&email=maya%40example.org&state=NY&group=anxiety"
            .getBytes(StandardCharsets.US_ASCII);

        var response = http.sendWithBody(
                "POST /signups HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\nAccept: text/html\r\n",
                body);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.header("Content-Type")).startsWith("text/html");
        assertThat(response.body()).contains("href=\"/\"").doesNotContain("Whitelabel");
        assertThat(publisher.published).isEmpty();
    }

    @Test
    void theFormsLinksNeverCarryTheSessionId() throws IOException {
        var page = http.send("GET / HTTP/1.1\r\nAccept: text/html\r\n");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Set-Cookie")).startsWith("JSESSIONID=");
        assertThat(page.body()).doesNotContainIgnoringCase("jsessionid");
    }

    private RawHttp.Response postJson(String json) throws IOException {
        return http.sendWithBody("POST /api/signups HTTP/1.1\r\nContent-Type: application/json\r\n",
                json.getBytes(StandardCharsets.UTF_8));
    }

    private FormSession openForm() throws IOException {
        var page = http.send("GET / HTTP/1.1\r\nAccept: text/html\r\n");
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).as("the form carries a CSRF token").isTrue();
        String cookie = page.header("Set-Cookie").split(";")[0];
        return new FormSession(cookie, token.group(1));
    }

    private static int statusOrRefused(IoCall call) {
        try {
            return call.run().status();
        }
        catch (IOException closedUnderUs) {
            return 0;
        }
    }

    record FormSession(String cookie, String token) {
    }

    @FunctionalInterface
    interface IoCall {

        RawHttp.Response run() throws IOException;

    }

    /**
     * Kafka's place is taken by a recording publisher; everything else is the service.
     */
    @TestConfiguration
    static class InPlaceOfKafka {

        @Bean
        @Primary
        RecordingPublisher recordingPublisher() {
            return new RecordingPublisher();
        }

    }

}
