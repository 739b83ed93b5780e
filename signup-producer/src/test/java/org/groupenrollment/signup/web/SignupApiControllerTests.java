package org.groupenrollment.signup.web;

import org.groupenrollment.events.config.EnrollmentSecrets;
import org.groupenrollment.events.config.GroupCatalog;
import org.groupenrollment.events.config.HmacKeys;
import org.groupenrollment.signup.SignupProducerApplication;
import org.groupenrollment.signup.SignupService;
import org.groupenrollment.signup.catalog.CatalogSettings;
import org.groupenrollment.signup.catalog.SignupOptions;
import org.groupenrollment.signup.status.OutcomeView;
import org.groupenrollment.signup.status.SignupStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

@WebMvcTest(controllers = SignupApiController.class,
        properties = { "spring.config.name=" + SignupProducerApplication.CONFIG_NAME,
                "enrollment.web.rate-limit.enabled=false" })
@Import({ SignupService.class, OutcomeView.class, WebSecurity.class, JsonInput.class,
        SignupApiControllerTests.Doubles.class })
class SignupApiControllerTests {

    static final String NEW_YORK_ANXIETY = """
            {"firstName":"Maya","lastName":"Lindqvist","email":"maya@example.org","state":"NY","group":"anxiety"}""";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    RecordingPublisher publisher;

    @Autowired
    OutcomeView outcomes;

    @BeforeEach
    void reset() {
        publisher.published.clear();
        publisher.brokerDown = false;
    }

    @Test
    void acceptsAValidSignupAndSaysWhereToLookItUp() {
        var result = mvc.post()
            .uri("/api/signups")
            .contentType(MediaType.APPLICATION_JSON)
            .content(NEW_YORK_ANXIETY)
            .exchange();

        assertThat(result).hasStatus(202);
        assertThat(result).headers()
            .hasHeaderSatisfying("Location", values -> assertThat(values.get(0)).startsWith("/api/signups/"));
        assertThat(result).bodyJson()
            .extractingPath("$.signupId")
            .asString()
            .isEqualTo(publisher.published.get(0).signupId().toString());
        assertThat(publisher.published).singleElement().satisfies(signup -> {
            assertThat(signup.request().state()).isEqualTo("NY");
            assertThat(signup.request().group()).isEqualTo("anxiety");
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            email     | {"firstName":"Maya","lastName":"L","state":"NY","group":"anxiety"}
            email     | {"firstName":"Maya","lastName":"L","email":"maya.example.org","state":"NY","group":"anxiety"}
            state     | {"firstName":"Maya","lastName":"L","email":"maya@example.org","state":"XX","group":"anxiety"}
            group     | {"firstName":"Maya","lastName":"L","email":"maya@example.org","state":"NY","group":"astrology"}
            firstName | {"firstName":"  ","lastName":"L","email":"maya@example.org","state":"NY","group":"anxiety"}
            lastName  | {"firstName":"Maya","lastName":"","email":"maya@example.org","state":"NY","group":"anxiety"}
            """)
    void rejectsAnInvalidFieldWithAProblemNamingItAndPublishesNothing(String field, String body) {
        var result = mvc.post().uri("/api/signups").contentType(MediaType.APPLICATION_JSON).content(body).exchange();

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().contains(field);
        assertThat(publisher.published).isEmpty();
    }

    @Test
    void rejectsMalformedJson() {
        var result = mvc.post()
            .uri("/api/signups")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"firstName\":")
            .exchange();

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(publisher.published).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "[\"Maya\"]", "42", "true", "{\"first\":\"Maya\"}", "4.2" })
    void aFieldThatIsNotTextIsRefusedNamingItInsteadOfBeingCoerced(String firstName) {
        var result = mvc.post()
            .uri("/api/signups")
            .contentType(MediaType.APPLICATION_JSON)
            .content(NEW_YORK_ANXIETY.replace("\"Maya\"", firstName))
            .exchange();

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").asString().isEqualTo("firstName");
        assertThat(result).bodyText().doesNotContain("Failed to read request");
        assertThat(publisher.published).isEmpty();
    }

    @Test
    void rejectsAWrongContentType() {
        var result = mvc.post()
            .uri("/api/signups")
            .contentType(MediaType.TEXT_PLAIN)
            .content(NEW_YORK_ANXIETY)
            .exchange();

        assertThat(result).hasStatus(415).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(publisher.published).isEmpty();
    }

    @Test
    void rejectsAnOversizeBody() {
        String huge = NEW_YORK_ANXIETY.replace("Lindqvist", "L".repeat(20_000));

        var result = mvc.post().uri("/api/signups").contentType(MediaType.APPLICATION_JSON).content(huge).exchange();

        assertThat(result).hasStatus(413).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(publisher.published).isEmpty();
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyIsTheSameSignup() {
        var first = mvc.post()
            .uri("/api/signups")
            .header("Idempotency-Key", "k-1")
            .contentType(MediaType.APPLICATION_JSON)
            .content(NEW_YORK_ANXIETY)
            .exchange();
        var retry = mvc.post()
            .uri("/api/signups")
            .header("Idempotency-Key", "k-1")
            .contentType(MediaType.APPLICATION_JSON)
            .content(NEW_YORK_ANXIETY)
            .exchange();

        assertThat(retry).hasStatus(202);
        assertThat(retry).bodyJson()
            .extractingPath("$.signupId")
            .asString()
            .isEqualTo(publisher.published.get(0).signupId().toString());
        assertThat(first).bodyJson()
            .extractingPath("$.signupId")
            .asString()
            .isEqualTo(publisher.published.get(0).signupId().toString());
        assertThat(publisher.published).hasSize(1);
    }

    @Test
    void theSameIdempotencyKeyWithAnotherSignupIsRefused() {
        mvc.post()
            .uri("/api/signups")
            .header("Idempotency-Key", "k-2")
            .contentType(MediaType.APPLICATION_JSON)
            .content(NEW_YORK_ANXIETY)
            .exchange();

        var other = mvc.post()
            .uri("/api/signups")
            .header("Idempotency-Key", "k-2")
            .contentType(MediaType.APPLICATION_JSON)
            .content(NEW_YORK_ANXIETY.replace("anxiety", "ocd"))
            .exchange();

        assertThat(other).hasStatus(422).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(publisher.published).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = { "Bob\\r\\nBcc: eve@example.org", "Bob\\u0000", "Bob\\u001b[31m", "\\u202eevil",
            "\\u200b\\u200d\\ufeff", "\\u00a0", "\\u3164", "R2D2", "Bob\\ud800", "\\udc00Bob" })
    void aNameThatCouldBreakAnEmailOrHideItselfIsRefusedNamingTheField(String name) {
        var result = mvc.post()
            .uri("/api/signups")
            .contentType(MediaType.APPLICATION_JSON)
            .content(NEW_YORK_ANXIETY.replace("\"Maya\"", "\"" + name + "\""))
            .exchange();

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").asString().isEqualTo("firstName");
        assertThat(publisher.published).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "x@exa_mple.org", "x@exa\\u200bmple.org", "maya@example", "\\\"q\\\"@example.org" })
    void anAddressTheMailerCouldNotSendToIsRefusedNamingTheField(String email) {
        var result = mvc.post()
            .uri("/api/signups")
            .contentType(MediaType.APPLICATION_JSON)
            .content(NEW_YORK_ANXIETY.replace("maya@example.org", email))
            .exchange();

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").asString().isEqualTo("email");
        assertThat(publisher.published).isEmpty();
    }

    @Test
    void namesOfOtherScriptsAndThePaddingAroundThemAreAccepted() {
        var result = mvc.post()
            .uri("/api/signups")
            .contentType(MediaType.APPLICATION_JSON)
            .content(NEW_YORK_ANXIETY.replace("\"Maya\"", "\"  Nguy\u1ec5n Th\u1ecb \"")
                .replace("\"Lindqvist\"", "\"O\u2019Brien-L\u00f3pez\""))
            .exchange();

        assertThat(result).hasStatus(202);
        assertThat(publisher.published).singleElement()
            .satisfies(signup -> assertThat(signup.request().firstName()).isEqualTo("Nguy\u1ec5n Th\u1ecb"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "key with spaces", "schl\u00fcssel" })
    void anEmptyOrMalformedIdempotencyKeyIsRefusedWithAProblemNamingTheHeader(String key) {
        var result = mvc.post()
            .uri("/api/signups")
            .header("Idempotency-Key", key)
            .contentType(MediaType.APPLICATION_JSON)
            .content(NEW_YORK_ANXIETY)
            .exchange();

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").asString().isEqualTo("Idempotency-Key");
        assertThat(publisher.published).isEmpty();
    }

    @Test
    void aHeaderWithAControlCharacterIsRefusedWithAProblemThatDoesNotQuoteIt() {
        var result = mvc.post()
            .uri("/api/signups")
            .header("Idempotency-Key", "line\u000bbreak")
            .contentType(MediaType.APPLICATION_JSON)
            .content(NEW_YORK_ANXIETY)
            .exchange();

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyText().doesNotContain("line");
        assertThat(publisher.published).isEmpty();
    }

    @Test
    void anIdempotencyKeyLongerThan128CharactersIsRefusedWithAProblem() {
        var result = mvc.post()
            .uri("/api/signups")
            .header("Idempotency-Key", "k".repeat(129))
            .contentType(MediaType.APPLICATION_JSON)
            .content(NEW_YORK_ANXIETY)
            .exchange();

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("1 to 128");
        assertThat(publisher.published).isEmpty();
    }

    @Test
    void anotherSitesPageMayNotCallTheApiUnlessItsOriginIsAllowed() {
        var preflight = mvc.options()
            .uri("/api/signups")
            .header("Origin", "https://elsewhere.example")
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "Content-Type")
            .exchange();
        var post = mvc.post()
            .uri("/api/signups")
            .header("Origin", "https://elsewhere.example")
            .contentType(MediaType.APPLICATION_JSON)
            .content(NEW_YORK_ANXIETY)
            .exchange();

        assertThat(preflight).hasStatus(403);
        assertThat(preflight).headers().doesNotContainHeader("Access-Control-Allow-Origin");
        assertThat(post).hasStatus(403);
        assertThat(publisher.published).isEmpty();
    }

    @Test
    void answers503WithAProblemWhenKafkaIsDown() {
        publisher.brokerDown = true;

        var result = mvc.post()
            .uri("/api/signups")
            .contentType(MediaType.APPLICATION_JSON)
            .content(NEW_YORK_ANXIETY)
            .exchange();

        assertThat(result).hasStatus(503).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).headers().containsHeader("Retry-After");
    }

    @Test
    void theStatusUrlTellsTheKindOfOutcomeOnceDecided() {
        java.util.UUID decided = java.util.UUID.randomUUID();
        outcomes.on(new SignupStatus(decided, SignupStatus.State.WAITLISTED,
                java.time.Instant.parse("2026-11-26T10:00:00Z")), "anxiety");

        var result = mvc.get().uri("/api/signups/{id}", decided).exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.status").asString().isEqualTo("WAITLISTED");
        assertThat(result).bodyText().doesNotContain("group");
    }

    @Test
    void theStatusUrlOfAnUndecidedSignupIsANotFoundProblem() {
        var result = mvc.get().uri("/api/signups/{id}", java.util.UUID.randomUUID()).exchange();

        assertThat(result).hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).headers().containsHeader("Retry-After");
    }

    /** The catalog from configuration, and a recording publisher in place of Kafka. */
    @TestConfiguration
    @EnableConfigurationProperties({ GroupCatalog.class, CatalogSettings.class })
    @Import(SignupOptions.class)
    static class Doubles {

        @Bean
        RecordingPublisher recordingPublisher() {
            return new RecordingPublisher();
        }

        @Bean
        HmacKeys hmacKeys() {
            return HmacKeys.from(new EnrollmentSecrets(java.util.Base64.getEncoder().encodeToString(new byte[32]),
                    java.util.List.of()), null, true);
        }

        @Bean
        java.time.Clock clock() {
            return java.time.Clock.systemUTC();
        }

    }

}
