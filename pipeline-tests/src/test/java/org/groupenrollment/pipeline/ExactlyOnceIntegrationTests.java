package org.groupenrollment.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.groupenrollment.eligibility.EligibilityProcessorApplication;
import org.groupenrollment.events.EventPackage;
import org.groupenrollment.events.RedirectedToDbt;
import org.groupenrollment.events.SeatReserved;
import org.groupenrollment.events.SignupSubmitted;
import org.groupenrollment.events.SignupWaitlisted;
import org.groupenrollment.serde.AvroSerdeConfig;
import org.groupenrollment.serde.RegistryAvroDeserializer;
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
 * groups, decided by two processor instances, one of them restarted half-way: every
 * signup gets exactly one outcome and no group hands out more seats than it has.
 */
@ExtendWith(SchemaRegistryExtension.class)
class ExactlyOnceIntegrationTests {

    private static final String SIGNUPS = "enrollment.signups.submitted";

    private static final Map<String, Integer> CAPACITY = Map.of("ocd", 5, "trauma-and-ptsd", 7);

    private EmbeddedKafkaKraftBroker broker;

    private SchemaRegistryProcess registry;

    private Path dataDir;

    private final List<ConfigurableApplicationContext> processors = new ArrayList<>();

    @BeforeEach
    void start(SchemaRegistryProcess registry) throws Exception {
        this.registry = registry;
        this.broker = SingleNodeKafka.start();
        this.dataDir = Files.createTempDirectory("exactly-once-");
    }

    @AfterEach
    void stop() {
        processors.forEach(ConfigurableApplicationContext::close);
        broker.destroy();
    }

    @Test
    void everySignupGetsOneOutcomeAndNoGroupIsOverbooked() {
        List<SignupSubmitted> signups = signupsWithDuplicates();
        ConfigurableApplicationContext first = startProcessor("instance-a");
        startProcessor("instance-b");
        try (OutcomeCollector outcomes = new OutcomeCollector();
                KafkaProducer<String, SignupSubmitted> producer = Signups.avroProducer(broker.getBrokersAsString(),
                        registry.url())) {
            List<SignupSubmitted> firstHalf = signups.subList(0, signups.size() / 2);
            firstHalf
                .forEach(signup -> producer.send(new ProducerRecord<>(SIGNUPS, signup.getRequestedGroup(), signup)));
            producer.flush();
            await().atMost(Duration.ofSeconds(60)).until(() -> outcomes.poll() >= 20);

            first.close();
            processors.remove(first);
            signups.subList(signups.size() / 2, signups.size())
                .forEach(signup -> producer.send(new ProducerRecord<>(SIGNUPS, signup.getRequestedGroup(), signup)));
            producer.flush();
            startProcessor("instance-a");
            assertEveryoneDecidedOnce(signups, outcomes);
        }
    }

    private void assertEveryoneDecidedOnce(List<SignupSubmitted> signups, OutcomeCollector outcomes) {
        long distinctSignups = signups.stream().map(SignupSubmitted::getSignupId).distinct().count();
        await().atMost(Duration.ofSeconds(120)).until(() -> outcomes.poll() >= distinctSignups);
        outcomes.drain();

        assertThat(outcomes.countsBySignup.values()).as("outcomes per signup").allMatch(count -> count == 1);
        assertThat(outcomes.countsBySignup).hasSize((int) distinctSignups);
        CAPACITY.forEach((group, capacity) -> {
            assertThat(outcomes.distinctSeats(group)).as("seats handed out in %s", group).hasSize(capacity);
        });
        assertThat(outcomes.seatsByPerson.values()).as("seats held by one person in one group")
            .allMatch(seats -> seats.size() == 1);
        assertThat(outcomes.redirects).as("out-of-state signups")
            .isEqualTo(signups.stream()
                .filter(s -> s.getStateOfResidence().equals("TX"))
                .map(SignupSubmitted::getSignupId)
                .distinct()
                .count());
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
            signups.add(signups.get(i * 5));
        }
        java.util.Collections.shuffle(signups, new java.util.Random(42));
        return signups;
    }

    private ConfigurableApplicationContext startProcessor(String instance) {
        ConfigurableApplicationContext processor = EligibilityProcessorApplication.application()
            .run("--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                    "--spring.kafka.properties.schema.registry.url=" + registry.url(),
                    "--enrollment.data-dir=" + dataDir, "--spring.kafka.streams.state-dir=" + dataDir.resolve(instance),
                    "--server.port=0", "--enrollment.groups.ocd.cohorts[0].id=ocd-small",
                    "--enrollment.groups.ocd.cohorts[0].day=TUESDAY", "--enrollment.groups.ocd.cohorts[0].start=20:00",
                    "--enrollment.groups.ocd.cohorts[0].duration=90m",
                    "--enrollment.groups.ocd.cohorts[0].time-zone=America/New_York",
                    "--enrollment.groups.ocd.cohorts[0].capacity=" + CAPACITY.get("ocd"),
                    "--enrollment.groups.trauma-and-ptsd.cohorts[0].id=ptsd-small",
                    "--enrollment.groups.trauma-and-ptsd.cohorts[0].day=SUNDAY",
                    "--enrollment.groups.trauma-and-ptsd.cohorts[0].start=16:00",
                    "--enrollment.groups.trauma-and-ptsd.cohorts[0].duration=90m",
                    "--enrollment.groups.trauma-and-ptsd.cohorts[0].time-zone=America/New_York",
                    "--enrollment.groups.trauma-and-ptsd.cohorts[0].capacity=" + CAPACITY.get("trauma-and-ptsd"));
        processors.add(processor);
        return processor;
    }

    /** Reads every committed outcome and keeps what the assertions need. */
    private final class OutcomeCollector implements AutoCloseable {

        final Map<UUID, Integer> countsBySignup = new ConcurrentHashMap<>();

        final Map<String, java.util.Set<String>> seatsByPerson = new ConcurrentHashMap<>();

        final List<SeatReserved> seats = new CopyOnWriteArrayList<>();

        long redirects;

        private final Map<UUID, String> emailBySignup = new ConcurrentHashMap<>();

        private KafkaConsumer<String, SpecificRecord> consumer;

        long poll() {
            if (consumer == null) {
                Map<String, Object> config = new HashMap<>();
                config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
                config.put(ConsumerConfig.GROUP_ID_CONFIG, "exactly-once-test");
                config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
                config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
                config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
                config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, RegistryAvroDeserializer.class);
                config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
                config.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
                config.put(AvroSerdeConfig.TRUSTED_PACKAGES, EventPackage.NAME);
                consumer = new KafkaConsumer<>(config);
                consumer.subscribe(List.of("enrollment.seats.reserved", "enrollment.signups.waitlisted",
                        "enrollment.signups.redirected-to-dbt"));
            }
            consumer.poll(Duration.ofMillis(500)).forEach(record -> take(record.value()));
            return countsBySignup.size();
        }

        private void take(SpecificRecord outcome) {
            if (outcome instanceof SeatReserved seat) {
                count(seat.getSignupId());
                seats.add(seat);
                seatsByPerson
                    .computeIfAbsent(seat.getGroupId() + "|" + seat.getRecipient().getEmail().toLowerCase(),
                            key -> ConcurrentHashMap.newKeySet())
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
                var records = consumer.poll(Duration.ofSeconds(2));
                records.forEach(record -> take(record.value()));
                return records.isEmpty();
            });
        }

        @Override
        public void close() {
            if (consumer != null) {
                consumer.close();
            }
        }

        private void count(UUID signupId) {
            countsBySignup.merge(signupId, 1, Integer::sum);
        }

        java.util.Set<String> distinctSeats(String group) {
            return seats.stream()
                .filter(seat -> seat.getGroupId().equals(group))
                .map(seat -> seat.getSchedule().getCohortId() + "#" + seat.getSeatNumber())
                .collect(Collectors.toSet());
        }

    }

}
