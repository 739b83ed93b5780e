package org.groupenrollment.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.groupenrollment.eligibility.EligibilityProcessorApplication;
import org.groupenrollment.events.Clients;
import org.groupenrollment.events.RedirectedToDbt;
import org.groupenrollment.events.SeatReserved;
import org.groupenrollment.events.SignupSubmitted;
import org.groupenrollment.events.SignupWaitlisted;
import org.groupenrollment.events.Signups;
import org.groupenrollment.events.config.CatalogFiles;
import org.groupenrollment.events.config.EnrollmentTopics;
import org.groupenrollment.testsupport.FreePorts;
import org.groupenrollment.testsupport.SchemaRegistryExtension;
import org.groupenrollment.testsupport.SchemaRegistryProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hundreds of signups, with redelivered copies and people signing up twice, for two small
 * groups. The processor that takes the first half is killed (SIGKILL) while its
 * transaction holds outcomes it has written but not committed; a second instance and its
 * restart take over. Every signup gets exactly one committed outcome, the killed
 * transaction's outcomes are never committed, and no group hands out more seats than it
 * has.
 */
@ExtendWith(SchemaRegistryExtension.class)
class ExactlyOnceIntegrationTests {

    private static final EnrollmentTopics TOPICS = EnrollmentTopics.fromSharedConfiguration();

    private static final Map<String, Integer> CAPACITY = Map.of("ocd", 5, "trauma-and-ptsd", 7);

    /** The killed instance's outcomes are written long before they would be committed. */
    private static final String COMMITS_LATE = "--spring.kafka.streams.properties.commit.interval.ms=30000";

    private EmbeddedKafkaKraftBroker broker;

    private SchemaRegistryProcess registry;

    private Clients clients;

    private Path dataDir;

    private String catalog;

    private final List<AutoCloseable> processors = new ArrayList<>();

    @BeforeEach
    void start(SchemaRegistryProcess registry) throws Exception {
        this.registry = registry;
        this.broker = SingleNodeKafka.start();
        // Provisioned up front, as a deployment would: the test's readers subscribe
        // before any processor runs.
        Stream
            .of(TOPICS.signupsSubmitted(), TOPICS.seatsReserved(), TOPICS.signupsWaitlisted(), TOPICS.redirectedToDbt())
            .forEach(topic -> broker.addTopics(new NewTopic(topic, TOPICS.partitions(), TOPICS.replicationFactor())));
        this.clients = new Clients(broker.getBrokersAsString(), registry.url());
        this.dataDir = Files.createTempDirectory("exactly-once-");
        this.catalog = CatalogFiles.oneSmallCohortEach(dataDir, CAPACITY);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable processor : processors) {
            processor.close();
        }
        broker.destroy();
    }

    @Test
    void everySignupGetsOneOutcomeThroughAKilledTransactionAndNoGroupIsOverbooked() throws Exception {
        List<SignupSubmitted> signups = signupsWithDuplicates();
        try (OutcomeCount committed = new OutcomeCount("read_committed");
                OutcomeCount written = new OutcomeCount("read_uncommitted");
                KafkaProducer<String, SignupSubmitted> producer = clients.avroProducer()) {
            send(producer, signups.subList(0, signups.size() / 2));
            ServiceProcess first = startProcessorProcess("instance-a", COMMITS_LATE);

            await("outcomes written in an open transaction").atMost(Duration.ofSeconds(90))
                .until(() -> written.poll() >= 20 && committed.poll() == 0);
            first.kill();
            int writtenBeforeTheKill = written.poll();

            startProcessor("instance-b");
            startProcessorProcess("instance-a");
            send(producer, signups.subList(signups.size() / 2, signups.size()));

            OutcomeCollector outcomes = new OutcomeCollector();
            assertEveryoneDecidedOnce(signups, outcomes);
            assertThat(written.drain()).as("outcome records written, the killed transaction's included")
                .isGreaterThanOrEqualTo(outcomes.records + writtenBeforeTheKill);
        }
    }

    private void assertEveryoneDecidedOnce(List<SignupSubmitted> signups, OutcomeCollector outcomes) {
        long distinctSignups = signups.stream().map(SignupSubmitted::getSignupId).distinct().count();
        await().atMost(Duration.ofSeconds(120)).until(() -> outcomes.poll() >= distinctSignups);
        outcomes.drain();

        assertThat(outcomes.countsBySignup.values()).as("outcomes per signup").allMatch(count -> count == 1);
        assertThat(outcomes.countsBySignup).hasSize((int) distinctSignups);
        CAPACITY
            .forEach((group, capacity) -> assertThat(outcomes.distinctSeats(group)).as("seats handed out in %s", group)
                .hasSize(capacity));
        assertThat(outcomes.seatsByPerson.values()).as("seats held by one person in one group")
            .allMatch(seats -> seats.size() == 1);
        assertThat(outcomes.redirects).as("out-of-state signups")
            .isEqualTo(signups.stream()
                .filter(s -> s.getStateOfResidence().equals("TX"))
                .map(SignupSubmitted::getSignupId)
                .distinct()
                .count());
        outcomes.close();
    }

    /**
     * 240 people (one in six from Texas) for two groups; 30 of them sign up a second
     * time, and 30 submissions are delivered twice.
     */
    private static List<SignupSubmitted> signupsWithDuplicates() {
        List<SignupSubmitted> signups = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            String group = i % 2 == 0 ? "ocd" : "trauma-and-ptsd";
            signups.add(Signups.submitted("person" + i + "@example.org", i % 6 == 0 ? "TX" : "NY", group));
        }
        for (int i = 0; i < 30; i++) {
            SignupSubmitted earlier = signups.get(i * 3);
            signups.add(Signups.submitted(earlier.getApplicant().getEmail().toUpperCase(),
                    earlier.getStateOfResidence(), earlier.getRequestedGroup()));
            signups.add(Signups.redeliveryOf(signups.get(i * 5)));
        }
        Collections.shuffle(signups, new Random(42));
        return signups;
    }

    private static void send(KafkaProducer<String, SignupSubmitted> producer, List<SignupSubmitted> signups) {
        signups.forEach(signup -> producer
            .send(new ProducerRecord<>(TOPICS.signupsSubmitted(), signup.getRequestedGroup(), signup)));
        producer.flush();
    }

    private void startProcessor(String instance) {
        ConfigurableApplicationContext processor = EligibilityProcessorApplication.application()
            .run(arguments(instance, "--server.port=0").toArray(String[]::new));
        processors.add(processor::close);
    }

    private ServiceProcess startProcessorProcess(String instance, String... extra) {
        List<String> arguments = arguments(instance, "--server.port=" + FreePorts.loopback());
        arguments.addAll(List.of(extra));
        ServiceProcess process = ServiceProcess.start(EligibilityProcessorApplication.class,
                dataDir.resolve(instance + ".log"), arguments);
        processors.add(process);
        return process;
    }

    /**
     * A member that dies is noticed after the session timeout; 6 s (the broker's minimum)
     * instead of 45 s keeps the take-over short.
     */
    private List<String> arguments(String instance, String port) {
        return new ArrayList<>(List.of("--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--spring.kafka.properties.schema.registry.url=" + registry.url(), "--enrollment.data-dir=" + dataDir,
                "--spring.kafka.streams.state-dir=" + dataDir.resolve(instance), "--enrollment.catalog=" + catalog,
                "--spring.kafka.streams.properties.session.timeout.ms=6000",
                "--spring.kafka.streams.properties.heartbeat.interval.ms=1500",
                "--spring.kafka.streams.properties.producer.transaction.timeout.ms=60000", port,
                "--management.server.port=0"));
    }

    /** How many outcome records a consumer of the given isolation level has seen. */
    private final class OutcomeCount implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;

        private int records;

        OutcomeCount(String isolation) {
            consumer = clients.rawConsumer("count-" + isolation + "-" + UUID.randomUUID(), isolation);
            consumer.subscribe(TOPICS.outcomes());
        }

        int poll() {
            records += consumer.poll(Duration.ofMillis(200)).count();
            return records;
        }

        int drain() {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                int polled = consumer.poll(Duration.ofSeconds(2)).count();
                records += polled;
                return polled == 0;
            });
            return records;
        }

        @Override
        public void close() {
            consumer.close();
        }

    }

    /** Reads every committed outcome and keeps what the assertions need. */
    private final class OutcomeCollector implements AutoCloseable {

        final Map<UUID, Integer> countsBySignup = new HashMap<>();

        final Map<String, Set<String>> seatsByPerson = new HashMap<>();

        final List<SeatReserved> seats = new ArrayList<>();

        long redirects;

        int records;

        private final KafkaConsumer<String, SpecificRecord> consumer = clients
            .avroConsumer("exactly-once-" + UUID.randomUUID());

        OutcomeCollector() {
            consumer.subscribe(TOPICS.outcomes());
        }

        long poll() {
            consumer.poll(Duration.ofMillis(500)).forEach(record -> take(record.value()));
            return countsBySignup.size();
        }

        private void take(SpecificRecord outcome) {
            records++;
            if (outcome instanceof SeatReserved seat) {
                count(seat.getSignupId());
                seats.add(seat);
                seatsByPerson
                    .computeIfAbsent(seat.getGroupId() + "|" + seat.getRecipient().getEmail().toLowerCase(),
                            key -> new java.util.HashSet<>())
                    .add(seat.getSchedule().getCohortId() + "#" + seat.getSeatNumber());
            }
            else if (outcome instanceof SignupWaitlisted waitlisted) {
                count(waitlisted.getSignupId());
            }
            else if (outcome instanceof RedirectedToDbt redirected) {
                count(redirected.getSignupId());
                redirects++;
            }
        }

        /**
         * Reads on until the topics are quiet, so a late duplicate outcome would still be
         * counted.
         */
        void drain() {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                var polled = consumer.poll(Duration.ofSeconds(2));
                polled.forEach(record -> take(record.value()));
                return polled.isEmpty();
            });
        }

        @Override
        public void close() {
            consumer.close();
        }

        private void count(UUID signupId) {
            countsBySignup.merge(signupId, 1, Integer::sum);
        }

        Set<String> distinctSeats(String group) {
            return seats.stream()
                .filter(seat -> seat.getGroupId().equals(group))
                .map(seat -> seat.getSchedule().getCohortId() + "#" + seat.getSeatNumber())
                .collect(Collectors.toSet());
        }

    }

}
