package org.groupenrollment.signup.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import org.groupenrollment.events.links.PlaceLinks;
import org.groupenrollment.signup.SignupProducerApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public API's OpenAPI description, served at {@code /v3/api-docs}, against the
 * service's real answers: each one is sent for real and checked by an independent
 * validator (Atlassian's swagger-request-validator), status, content type and body.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        classes = { SignupProducerApplication.class, HostileRequestsTests.InPlaceOfKafka.class },
        properties = { "spring.config.name=" + SignupProducerApplication.CONFIG_NAME,
                "spring.kafka.listener.auto-startup=false", "enrollment.web.rate-limit.submissions=8",
                "enrollment.secrets.hmac-key=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=" })
class ApiDescriptionTests {

    private static final String SIGNUP = SignupApiControllerTests.NEW_YORK_ANXIETY;

    @LocalServerPort
    int port;

    @Autowired
    RecordingPublisher publisher;

    @Autowired
    PlaceLinks links;

    private final HttpClient http = HttpClient.newHttpClient();

    private OpenApiInteractionValidator api;

    @BeforeEach
    void readTheDescription() throws Exception {
        HttpResponse<String> description = get("/v3/api-docs");
        assertThat(description.statusCode()).isEqualTo(200);
        api = OpenApiInteractionValidator.createForInlineApiSpecification(description.body()).build();
        publisher.brokerDown = false;
    }

    @Test
    void theDescriptionCoversTheApiAndItsProblemsButNotTheFormsPages() throws Exception {
        String description = get("/v3/api-docs").body();

        assertThat(description).contains("\"/api/signups\"", "\"/api/signups/{signupId}\"", "\"/api/places/{token}\"")
            .contains("\"422\"", "\"429\"", "\"410\"", "application/problem+json")
            .doesNotContain("\"/signups\"", "\"/places/{token}\"");
    }

    @Test
    void everyAnswerToASignupMatchesTheDescription() throws Exception {
        check(Request.Method.POST, "/api/signups", post("/api/signups", "application/json", SIGNUP, null), 202);
        check(Request.Method.POST, "/api/signups",
                post("/api/signups", "application/json", SIGNUP.replace("NY", "ZZ"), null), 400);
        check(Request.Method.POST, "/api/signups", post("/api/signups", "application/json", "{not json", null), 400);
        check(Request.Method.POST, "/api/signups", post("/api/signups", "text/plain", SIGNUP, null), 415);
        check(Request.Method.POST, "/api/signups",
                post("/api/signups", "application/json", "{\"firstName\":\"" + "x".repeat(20_000) + "\"}", null), 413);
        post("/api/signups", "application/json", SIGNUP, "key-1");
        check(Request.Method.POST, "/api/signups",
                post("/api/signups", "application/json", SIGNUP.replace("Maya", "Mia"), "key-1"), 422);
        publisher.brokerDown = true;
        check(Request.Method.POST, "/api/signups", post("/api/signups", "application/json", SIGNUP, null), 503);
        HttpResponse<String> limited = null;
        for (int i = 0; i < 10 && (limited == null || limited.statusCode() != 429); i++) {
            limited = post("/api/signups", "application/json", SIGNUP, null);
        }
        check(Request.Method.POST, "/api/signups", limited, 429);
        String status = "/api/signups/" + UUID.randomUUID();
        check(Request.Method.GET, status, get(status), 404);
    }

    @Test
    void everyAnswerAboutAPlaceThatNoneIsKnownForMatchesTheDescription() throws Exception {
        String garbage = "/api/places/" + "A".repeat(54);
        check(Request.Method.GET, garbage, get(garbage), 404);
        String expired = "/api/places/"
                + links.token(UUID.randomUUID(), Instant.now().minus(Duration.ofDays(200)), Duration.ofDays(180));
        check(Request.Method.GET, expired, get(expired), 410);
        String unknown = "/api/places/" + links.token(UUID.randomUUID(), Instant.now(), Duration.ofDays(180));
        check(Request.Method.POST, unknown + "/confirm", post(unknown + "/confirm", null, null, null), 404);
    }

    private void check(Request.Method method, String path, HttpResponse<String> response, int expectedStatus) {
        assertThat(response.statusCode()).as(method + " " + path).isEqualTo(expectedStatus);
        ValidationReport report = api.validateResponse(path, method,
                SimpleResponse.Builder.status(response.statusCode())
                    .withContentType(response.headers().firstValue("Content-Type").orElse(null))
                    .withBody(response.body())
                    .build());
        assertThat(report.getMessages()).as(method + " " + path + " " + expectedStatus + ": " + response.body())
            .isEmpty();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String contentType, String body, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

}
