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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.utils.Utils;
import org.groupenrollment.eligibility.EligibilityProcessorApplication;
import org.groupenrollment.events.Clients;
import org.groupenrollment.events.SignupSubmitted;
import org.groupenrollment.events.Signups;
import org.groupenrollment.events.config.EnrollmentTopics;
import org.groupenrollment.events.config.GroupCatalog;
import org.groupenrollment.notification.NotificationConsumerApplication;
import org.groupenrollment.testsupport.FreePorts;
import org.groupenrollment.testsupport.SchemaRegistryExtension;
import org.groupenrollment.testsupport.SchemaRegistryProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An instance killed (SIGKILL) leaves its partitions to the survivors within 15 s, and an
 * instance that does no work says so on its readiness probe. The 15 s bound is the
 * requirement itself (the session timeout is 10 s), so it is the test's limit.
 */
@ExtendWith(SchemaRegistryExtension.class)
class FailoverIntegrationTests {

    private static final EnrollmentTopics TOPICS = EnrollmentTopics.fromSharedConfiguration();

    private final HttpClient http = HttpClient.newHttpClient();

    private EmbeddedKafkaKraftBroker broker;

    private SchemaRegistryProcess registry;

    private Path dataDir;

    private final List<AutoCloseable> started = new ArrayList<>();

    @BeforeEach
    void start(SchemaRegistryProcess registry) throws IOException {
        this.registry = registry;
        broker = SingleNodeKafka.start();
        List.of(TOPICS.signupsSubmitted(), TOPICS.seatsReserved(), TOPICS.signupsWaitlisted(), TOPICS.redirectedToDbt())
            .forEach(topic -> broker.addTopics(new NewTopic(topic, TOPICS.partitions(), TOPICS.replicationFactor())));
        dataDir = Files.createTempDirectory("failover-");
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
        broker.destroy();
    }

    @Test
    void theGroupsOfAKilledProcessorAreDecidedBySurvivorWithin15Seconds() throws Exception {
        List<String> groups = groups();
        // Six partitions, three per instance: groups spread over four or more reach both
        // instances.
        assertThat(groups.stream().map(this::partitionOf).distinct().count()).isGreaterThanOrEqualTo(4);
        int killedPort = FreePorts.loopback();
        ServiceProcess killed = ServiceProcess.start(EligibilityProcessorApplication.class,
                dataDir.resolve("killed.log"), processorArguments("killed", killedPort));
        started.add(killed);
        ConfigurableApplicationContext survivor = EligibilityProcessorApplication.application()
            .run(processorArguments("survivor", 0).toArray(String[]::new));
        started.add(survivor::close);
        awaitReady(killedPort);
        awaitReady(port(survivor));

        try (KafkaProducer<String, SignupSubmitted> producer = clients().avroProducer();
                KafkaConsumer<String, SpecificRecord> outcomes = clients()
                    .avroConsumer("failover-" + UUID.randomUUID())) {
            outcomes.subscribe(TOPICS.outcomes());
            awaitDecided(outcomes, submitOnePerGroup(producer, groups), Duration.ofSeconds(60));

            killed.kill();
            Set<UUID> afterTheKill = submitOnePerGroup(producer, groups);

            awaitDecided(outcomes, afterTheKill, Duration.ofSeconds(15));
        }
        assertThat(readiness(port(survivor))).isEqualTo(200);
    }

    @Test
    void aProcessorIsNotReadyUntilKafkaStreamsRuns() throws Exception {
        List<String> arguments = new ArrayList<>(processorArguments("held", 0));
        arguments.add("--spring.kafka.streams.auto-startup=false");
        ConfigurableApplicationContext processor = EligibilityProcessorApplication.application()
            .run(arguments.toArray(String[]::new));
        started.add(processor::close);

        await().during(Duration.ofSeconds(3))
            .atMost(Duration.ofSeconds(10))
            .until(() -> readiness(port(processor)) == 503);

        processor.getBean(StreamsBuilderFactoryBean.class).start();
        awaitReady(port(processor));
    }

    @Test
    void aNotifierWhoseListenerStoppedIsNotReadyUntilItRunsAgain() throws Exception {
        ConfigurableApplicationContext notifier = NotificationConsumerApplication.application()
            .run("--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                    "--spring.kafka.properties.schema.registry.url=" + registry.url(),
                    "--enrollment.data-dir=" + dataDir, "--server.port=0", "--management.server.port=0",
                    "--spring.mail.port=" + FreePorts.loopback());
        started.add(notifier::close);
        awaitReady(port(notifier));
        KafkaListenerEndpointRegistry listeners = notifier.getBean(KafkaListenerEndpointRegistry.class);

        listeners.getListenerContainer("outcome-notifier").stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> readiness(port(notifier)) == 503);

        listeners.getListenerContainer("outcome-notifier").start();
        awaitReady(port(notifier));
    }

    private Set<UUID> submitOnePerGroup(KafkaProducer<String, SignupSubmitted> producer, List<String> groups) {
        Set<UUID> ids = new HashSet<>();
        for (String group : groups) {
            SignupSubmitted signup = Signups.submitted(UUID.randomUUID() + "@example.org", "NY", group);
            producer.send(new ProducerRecord<>(TOPICS.signupsSubmitted(), group, signup));
            ids.add(signup.getSignupId());
        }
        producer.flush();
        return ids;
    }

    private static void awaitDecided(KafkaConsumer<String, SpecificRecord> outcomes, Set<UUID> signups,
            Duration within) {
        Set<UUID> waiting = new HashSet<>(signups);
        await().atMost(within).until(() -> {
            outcomes.poll(Duration.ofMillis(200)).forEach(record -> waiting.remove(UUID.fromString(record.key())));
            return waiting.isEmpty();
        });
    }

    private List<String> processorArguments(String instance, int port) {
        return List.of("--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--spring.kafka.properties.schema.registry.url=" + registry.url(), "--enrollment.data-dir=" + dataDir,
                "--spring.kafka.streams.state-dir=" + dataDir.resolve(instance), "--server.port=0",
                "--management.server.port=" + port);
    }

    private void awaitReady(int port) {
        await().atMost(Duration.ofSeconds(90)).until(() -> readiness(port) == 200);
    }

    private int readiness(int port) throws IOException, InterruptedException {
        try {
            return http
                .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                    .build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
        }
        catch (IOException notListeningYet) {
            return -1;
        }
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.management.port"));
    }

    private int partitionOf(String group) {
        return Utils.toPositive(Utils.murmur2(group.getBytes())) % TOPICS.partitions();
    }

    private static List<String> groups() {
        return List.copyOf(GroupCatalog.packaged().groups().keySet());
    }

    private Clients clients() {
        return new Clients(broker.getBrokersAsString(), registry.url());
    }

}
