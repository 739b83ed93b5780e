package org.groupenrollment.pipeline;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.groupenrollment.events.Clients;
import org.groupenrollment.events.config.EnrollmentTopics;
import org.groupenrollment.testsupport.RecordedSpans;
import org.groupenrollment.testsupport.SchemaRegistryExtension;
import org.groupenrollment.testsupport.SchemaRegistryProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace from the form to the inbox, on real parts: the signup's POST, the record on
 * the signups topic, the processor's decision, the outcome's record and the SMTP send
 * share one trace id, carried in each record's W3C traceparent header and printed in each
 * of the three services' log lines; and no span names a person.
 */
@ExtendWith({ SchemaRegistryExtension.class, OutputCaptureExtension.class })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TracingIntegrationTests {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
        .withPerMethodLifecycle(false);

    private static final EnrollmentTopics TOPICS = EnrollmentTopics.fromSharedConfiguration();

    private final RecordedSpans exported = new RecordedSpans();

    private EmbeddedKafkaKraftBroker broker;

    private RunningPipeline pipeline;

    private Clients clients;

    @BeforeAll
    void start(SchemaRegistryProcess registry) throws IOException {
        broker = SingleNodeKafka.start();
        clients = new Clients(broker.getBrokersAsString(), registry.url());
        pipeline = new RunningPipeline(broker.getBrokersAsString(), registry.url(), smtp.getSmtp().getPort(),
                Files.createTempDirectory("tracing-"))
            // Every signup traced, spans handed over at once, and the decision's own log
            // line.
            .with("--management.tracing.sampling.probability=1.0",
                    "--management.opentelemetry.tracing.export.schedule-delay=100ms",
                    "--logging.level.org.groupenrollment.eligibility.streams.SignupDecider=DEBUG")
            .with(context -> context.getBeanFactory().registerSingleton("recordedSpans", exported))
            .start();
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
    void oneTraceRunsFromThePostThroughTheDecisionToTheEmailAndNoSpanNamesThePerson(CapturedOutput logs)
            throws Exception {
        String firstName = "Quinn";
        String lastName = "Tracewell" + UUID.randomUUID().toString().replaceAll("[^a-z]", "").substring(0, 4);
        String email = lastName.toLowerCase() + "@example.org";
        HttpResponse<String> accepted = submit(firstName, lastName, email);
        assertThat(accepted.statusCode()).isEqualTo(202);
        String signupId = accepted.body().replaceAll(".*\"signupId\":\"([0-9a-f-]{36})\".*", "$1");
        await().atMost(Duration.ofSeconds(60))
            .until(() -> Arrays.stream(smtp.getReceivedMessages())
                .anyMatch(message -> Emails.recipient(message).equals(email)));

        String signupTrace = traceOf(header(TOPICS.signupsSubmitted(), "anxiety", signupId), "traceparent");
        String outcomeTrace = traceOf(header(TOPICS.seatsReserved(), signupId, signupId), "traceparent");
        assertThat(outcomeTrace).isEqualTo(signupTrace);

        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(servicesIn(signupTrace)).contains("signup-producer",
                    "eligibility-processor", "notification-consumer"));
        assertThat(exported.spans).filteredOn(span -> span.getTraceId().equals(signupTrace))
            .extracting(SpanData::getName)
            .contains("decide signup");
        assertThat(exported.spans).allSatisfy(span -> assertThat(span.getName() + " " + span.getAttributes())
            .doesNotContain(firstName, lastName, email, lastName.toLowerCase()));

        List<String> traced = logs.getAll().lines().filter(line -> line.contains(signupTrace)).toList();
        assertThat(traced).anySatisfy(line -> assertThat(line).contains("SignupService").contains(signupId))
            .anySatisfy(line -> assertThat(line).contains("SignupDecider").contains(signupId))
            .anySatisfy(line -> assertThat(line).contains("OutcomeNotifier").contains(signupId));
    }

    private Set<String> servicesIn(String traceId) {
        return exported.spans.stream()
            .filter(span -> span.getTraceId().equals(traceId))
            .map(span -> span.getResource().getAttribute(AttributeKey.stringKey("service.name")))
            .collect(Collectors.toSet());
    }

    /**
     * The header of the record on {@code topic} with {@code key} whose value names the
     * signup.
     */
    private String header(String topic, String key, String signupId) {
        try (var consumer = clients.rawConsumer("tracing-" + UUID.randomUUID(), "read_committed")) {
            consumer.subscribe(List.of(topic));
            return await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key()) && new String(record.value(), StandardCharsets.ISO_8859_1)
                        .contains(signupId.substring(0, 8)) || signupId.equals(record.key())) {
                        Header traceparent = record.headers().lastHeader("traceparent");
                        return traceparent == null ? "" : new String(traceparent.value(), StandardCharsets.UTF_8);
                    }
                }
                return null;
            }, found -> found != null);
        }
    }

    /** The trace id of a W3C traceparent: version-traceid-spanid-flags. */
    private static String traceOf(String traceparent, String name) {
        assertThat(traceparent).as(name).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        return traceparent.split("-")[1];
    }

    private HttpResponse<String> submit(String firstName, String lastName, String email)
            throws IOException, InterruptedException {
        String body = """
                {"firstName":"%s","lastName":"%s","email":"%s","state":"NY","group":"anxiety"}""".formatted(firstName,
                lastName, email);
        return HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(pipeline.signupUrl() + "/api/signups"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

}
