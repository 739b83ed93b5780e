package org.groupenrollment.pipeline;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.groupenrollment.eligibility.EligibilityProcessorApplication;
import org.groupenrollment.events.config.EnrollmentTopics;
import org.groupenrollment.events.config.GroupCatalog;
import org.groupenrollment.notification.NotificationConsumerApplication;
import org.groupenrollment.signup.SignupProducerApplication;
import org.groupenrollment.testsupport.SchemaRegistryExtension;
import org.groupenrollment.testsupport.SchemaRegistryProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The signup service and the notifier started before the processor, on a broker that
 * creates a topic when anyone asks for one (Kafka's default): their consumers must wait
 * for the processor to create its topics with their partitions, not create them with one
 * partition themselves, or they would read that one partition only until their metadata
 * next refreshes (minutes) and miss every place and email in the others.
 */
@ExtendWith(SchemaRegistryExtension.class)
class StartOrderIntegrationTests {

    private static final EnrollmentTopics TOPICS = EnrollmentTopics.fromSharedConfiguration();

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final HttpClient http = HttpClient.newHttpClient();

    private final List<ConfigurableApplicationContext> started = new ArrayList<>();

    private EmbeddedKafkaKraftBroker broker;

    private SchemaRegistryProcess registry;

    private Path dataDir;

    @BeforeEach
    void start(SchemaRegistryProcess registry) throws IOException {
        this.registry = registry;
        this.broker = SingleNodeKafka.start();
        this.dataDir = Files.createTempDirectory("start-order-");
    }

    @AfterEach
    void stop() {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
        broker.destroy();
    }

    @Test
    void servicesStartedBeforeTheProcessorSeeEveryPlaceAndSendEveryEmailOnceItRuns() throws Exception {
        start(NotificationConsumerApplication.application());
        ConfigurableApplicationContext producer = start(SignupProducerApplication.application());
        String signupUrl = "http://127.0.0.1:" + producer.getEnvironment().getRequiredProperty("local.server.port");
        try (Admin admin = Admin
            .create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            await("the signup service's place view has joined its group").atMost(Duration.ofSeconds(60))
                .until(() -> admin.listConsumerGroups()
                    .all()
                    .get(10, TimeUnit.SECONDS)
                    .stream()
                    .anyMatch(group -> group.groupId().startsWith("signup-producer-places-")));
        }

        start(EligibilityProcessorApplication.application());
        List<String> groups = List.copyOf(GroupCatalog.packaged().groups().keySet());
        for (String group : groups) {
            String body = """
                    {"firstName":"Early","lastName":"Bird","email":"early.%s@example.org","state":"NY","group":"%s"}"""
                .formatted(group, group);
            await().atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(() -> post(signupUrl + "/api/signups", body).statusCode() == 202);
        }

        for (String group : groups) {
            MimeMessage held = await().atMost(Duration.ofSeconds(60))
                .until(() -> Arrays.stream(smtp.getReceivedMessages())
                    .filter(message -> Emails.recipient(message).equals("early." + group + "@example.org"))
                    .findFirst()
                    .orElse(null), found -> found != null);
            String place = signupUrl + "/api/places/" + Emails.placeToken(held);
            await(group + "'s place on the signup service").atMost(Duration.ofSeconds(30))
                .until(() -> get(place).statusCode() == 200);
        }
    }

    private ConfigurableApplicationContext start(SpringApplication application) {
        ConfigurableApplicationContext context = application.run(
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--spring.kafka.properties.schema.registry.url=" + registry.url(), "--enrollment.data-dir=" + dataDir,
                "--server.port=0", "--management.server.port=0", "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(), "--enrollment.web.rate-limit.enabled=false",
                "--spring.kafka.streams.state-dir=" + dataDir.resolve("streams"));
        started.add(context);
        return context;
    }

    private HttpResponse<String> post(String url, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

}
