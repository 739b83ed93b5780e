package org.groupenrollment.pipeline;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.groupenrollment.events.Clients;
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
 * Every service's metrics on real parts: scraped by Prometheus's format from a management
 * port of its own (never the public one), with the JVM's, Kafka's and the pipeline's own
 * business metrics, tagged by service and bounded sets (kinds, groups, cohorts, topics).
 */
@ExtendWith(SchemaRegistryExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsIntegrationTests {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
        .withPerMethodLifecycle(false);

    private final HttpClient http = HttpClient.newHttpClient();

    private EmbeddedKafkaKraftBroker broker;

    private RunningPipeline pipeline;

    private Map<String, String> management;

    @BeforeAll
    void start(SchemaRegistryProcess registry) throws Exception {
        broker = SingleNodeKafka.start();
        pipeline = new RunningPipeline(broker.getBrokersAsString(), registry.url(), smtp.getSmtp().getPort(),
                Files.createTempDirectory("metrics-"))
            // Every request traced, so the metrics carry exemplars.
            .with("--management.tracing.sampling.probability=1.0")
            .start()
            .startConsole("ada", "a password for the metrics test");
        management = pipeline.managementUrls();
        assertThat(submit("NY", "anxiety").statusCode()).isEqualTo(202);
        assertThat(submit("TX", "anxiety").statusCode()).isEqualTo(202);
        assertThat(submit("ZZ", "anxiety").statusCode()).isEqualTo(400);
        try (var producer = new Clients(broker.getBrokersAsString(), registry.url()).rawProducer()) {
            producer
                .send(new ProducerRecord<>(EnrollmentTopics.fromSharedConfiguration().signupsSubmitted(), "anxiety",
                        "not a signup".getBytes(StandardCharsets.UTF_8)))
                .get();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> smtp.getReceivedMessages().length == 2);
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
    void everyServiceServesPrometheusOnItsManagementPortAndNotOnThePublicOne() throws Exception {
        assertThat(management).containsOnlyKeys("eligibility-processor", "notification-consumer", "signup-producer",
                "staff-console");
        for (String service : management.keySet()) {
            assertThat(scrape(service)).as(service).contains("jvm_memory_used_bytes{application=\"" + service + "\"");
        }
        assertThat(get(pipeline.signupUrl() + "/actuator/prometheus").statusCode()).isEqualTo(404);
        assertThat(get(pipeline.consoleUrl() + "/actuator/health").statusCode()).isNotEqualTo(200);
    }

    @Test
    void theSignupServiceCountsSubmissionsByOutcomeAndShowsEachCohortsSeats() throws Exception {
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(scrape("signup-producer"))
                .containsPattern("enrollment_signups_total\\{[^}]*outcome=\"accepted\",reason=\"none\"} 2\\.0")
                .containsPattern("enrollment_signups_total\\{[^}]*outcome=\"refused\",reason=\"invalid\"} 1\\.0")
                .containsPattern("enrollment_seats_free\\{[^}]*cohort=\"anxiety-tue\",group=\"anxiety\"} 11\\.0")
                .containsPattern("enrollment_seats_capacity\\{[^}]*cohort=\"anxiety-tue\",group=\"anxiety\"} 12\\.0")
                .containsPattern("enrollment_waitlist_length\\{[^}]*group=\"anxiety\"} 0\\.0")
                .contains("http_server_requests_seconds_count")
                .contains("kafka_producer_"));
    }

    @Test
    void theProcessorCountsDecisionsByOutcomeAndGroupBesideKafkaStreamsOwnMetrics() throws Exception {
        assertThat(scrape("eligibility-processor"))
            .containsPattern("enrollment_decisions_total\\{[^}]*group=\"anxiety\",outcome=\"seat_reserved\"} 1\\.0")
            .containsPattern("enrollment_decisions_total\\{[^}]*group=\"anxiety\",outcome=\"redirected_to_dbt\"} 1\\.0")
            .contains("kafka_stream_");
    }

    @Test
    void theNotifierCountsEmailsSentByKindBesideItsConsumersLag() throws Exception {
        assertThat(scrape("notification-consumer"))
            .containsPattern("enrollment_emails_sent_total\\{[^}]*kind=\"seat-held\",resent=\"false\"} 1\\.0")
            .containsPattern("enrollment_emails_sent_total\\{[^}]*kind=\"redirected-to-dbt\",resent=\"false\"} 1\\.0")
            .contains("kafka_consumer_fetch_manager_records_lag_max");
    }

    @Test
    void theProcessorCountsWhatItDeadLettersByTheTopicItCameFrom() throws Exception {
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(scrape("eligibility-processor")).containsPattern(
                    "enrollment_dead_letters_total\\{[^}]*source=\"enrollment.signups.submitted\"} 1\\.0"));
    }

    /**
     * A trace's exemplar stands on histogram buckets and counters, where OpenMetrics puts
     * them, and never on a {@code _count} or {@code _sum} line: Prometheus before 2.43
     * drops the whole scrape for one there.
     */
    @Test
    void exemplarsStandOnlyWhereEveryPrometheusAcceptsThem() throws Exception {
        HttpResponse<String> openMetrics = http
            .send(HttpRequest.newBuilder(URI.create(management.get("signup-producer") + "/actuator/prometheus"))
                .header("Accept", "application/openmetrics-text; version=1.0.0; charset=utf-8")
                .build(), HttpResponse.BodyHandlers.ofString());

        List<String> withExemplar = openMetrics.body().lines().filter(line -> line.contains(" # {")).toList();
        assertThat(withExemplar).anySatisfy(line -> assertThat(line).startsWith("http_server_requests_seconds_bucket"))
            .noneSatisfy(line -> assertThat(line).containsPattern("^[a-z_]+_(count|sum)\\{"));
    }

    /**
     * The committed Grafana dashboard plots only what the services publish. Two counters
     * exist once their first event happens, which this run has none of.
     */
    @Test
    void everyMetricTheDashboardPlotsIsOneTheServicesPublish() throws Exception {
        String dashboard = Files.readString(Path.of("..", "observability", "grafana", "dashboards", "enrollment.json"));
        StringBuilder published = new StringBuilder();
        for (String service : management.keySet()) {
            published.append(scrape(service));
        }
        Matcher metric = Pattern.compile("\\b(?:enrollment|kafka|http|jvm|process)_[a-z_]+").matcher(dashboard);
        List<String> plotted = new ArrayList<>();
        while (metric.find()) {
            plotted.add(metric.group());
        }
        assertThat(plotted).hasSizeGreaterThan(10)
            .filteredOn(
                    name -> !List.of("enrollment_holds_expired_total", "enrollment_emails_failed_total").contains(name))
            .allSatisfy(name -> assertThat(published).as(name).contains(name));
    }

    private String scrape(String service) throws IOException, InterruptedException {
        HttpResponse<String> metrics = get(management.get(service) + "/actuator/prometheus");
        assertThat(metrics.statusCode()).as(service).isEqualTo(200);
        return metrics.body();
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> submit(String state, String group) throws IOException, InterruptedException {
        String body = """
                {"firstName":"Tess","lastName":"Metrics","email":"tess.%s@example.org","state":"%s","group":"%s"}"""
            .formatted(state.toLowerCase(), state, group);
        return http.send(HttpRequest.newBuilder(URI.create(pipeline.signupUrl() + "/api/signups"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

}
