package org.groupenrollment.eligibility.streams;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.groupenrollment.eligibility.decision.Cohort;
import org.groupenrollment.eligibility.decision.EligibilityPolicy;
import org.groupenrollment.eligibility.decision.EligibilityRules;
import org.groupenrollment.eligibility.decision.TherapyGroup;
import org.groupenrollment.events.RedirectReason;
import org.groupenrollment.events.RedirectedToDbt;
import org.groupenrollment.events.SeatReserved;
import org.groupenrollment.events.SignupSubmitted;
import org.groupenrollment.events.SignupWaitlisted;
import org.groupenrollment.events.Signups;
import org.groupenrollment.events.config.EnrollmentTopics;
import org.groupenrollment.events.config.HmacKeys;
import org.groupenrollment.serde.AvroSerdeConfig;
import org.groupenrollment.serde.RegistryAvroDeserializer;
import org.groupenrollment.serde.RegistryAvroSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The processor's topology on Kafka Streams' own test driver: real serdes (on an
 * in-memory registry), real state stores, a fixed clock; no broker.
 */
class EligibilityTopologyTests {

    private static final Instant NOW = Instant.parse("2026-12-01T18:00:00Z");

    private static final EnrollmentTopics TOPICS = EnrollmentTopics.fromSharedConfiguration();

    private static final HmacKeys KEYS = PersonKeysTests.keys(PersonKeysTests.CURRENT);

    /** Two seats, so the third licensed applicant is waitlisted. */
    private static final TherapyGroup OCD = new TherapyGroup("ocd", "OCD", List.of(new Cohort("ocd-tue",
            DayOfWeek.TUESDAY, LocalTime.of(20, 0), Duration.ofMinutes(90), ZoneId.of("America/New_York"), 2, null)));

    private final Map<String, Object> registry = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL,
            "mock://topology-" + UUID.randomUUID(), AvroSerdeConfig.SPECIFIC_AVRO_READER, true,
            AvroSerdeConfig.TRUSTED_PACKAGES, "org.groupenrollment.events");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;

    private TestInputTopic<String, byte[]> signups;

    private TestOutputTopic<String, SpecificRecord> seats;

    private TestOutputTopic<String, SpecificRecord> waitlist;

    private TestOutputTopic<String, SpecificRecord> redirects;

    private TestOutputTopic<String, byte[]> deadLetters;

    @BeforeEach
    void startDriver() {
        EligibilityPolicy policy = new EligibilityPolicy(
                new EligibilityRules("test-rules", Set.of("FL", "NY", "NJ"), Map.of("ocd", OCD)));
        Topology topology = EligibilityTopology.addTo(new Topology(), TOPICS, policy, new EventSerdes(registry), KEYS,
                Clock.fixed(NOW, ZoneOffset.UTC));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "eligibility-topology-tests");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(topology, config);
        signups = driver.createInputTopic(TOPICS.signupsSubmitted(), new StringSerializer(), new ByteArraySerializer());
        seats = outcomes(TOPICS.seatsReserved());
        waitlist = outcomes(TOPICS.signupsWaitlisted());
        redirects = outcomes(TOPICS.redirectedToDbt());
        deadLetters = driver.createOutputTopic(TOPICS.signupsDeadLetter(), new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void aLicensedResidentGetsASeatOnTheSeatsTopicKeyedBySignupIdAtTheClocksTime() {
        SignupSubmitted signup = Signups.submitted("ana@example.org", "NY", "ocd");

        submit(signup);

        TestRecord<String, SpecificRecord> record = seats.readRecord();
        assertThat(record.key()).isEqualTo(signup.getSignupId().toString());
        SeatReserved seat = (SeatReserved) record.value();
        assertThat(seat.getSeatNumber()).isEqualTo(1);
        assertThat(seat.getSeatsLeft()).isEqualTo(1);
        assertThat(seat.getSchedule().getCohortId()).isEqualTo("ocd-tue");
        assertThat(seat.getReservedAt()).isEqualTo(NOW);
        assertThat(seat.getRuleVersion()).isEqualTo("test-rules");
        assertThat(seat.getRecipient().getEmail()).isEqualTo("ana@example.org");
        assertNothingElseWasPublished();
    }

    @Test
    void theApplicantAfterTheLastSeatIsWaitlistedOnTheWaitlistTopicInArrivalOrder() {
        submit(Signups.submitted("first@example.org", "NY", "ocd"));
        submit(Signups.submitted("second@example.org", "FL", "ocd"));
        SignupSubmitted third = Signups.submitted("third@example.org", "NJ", "ocd");
        SignupSubmitted fourth = Signups.submitted("fourth@example.org", "NJ", "ocd");

        submit(third);
        submit(fourth);

        assertThat(seats.readValuesToList()).hasSize(2);
        List<TestRecord<String, SpecificRecord>> waitlisted = waitlist.readRecordsToList();
        assertThat(waitlisted).extracting(TestRecord::key)
            .containsExactly(third.getSignupId().toString(), fourth.getSignupId().toString());
        assertThat(waitlisted).extracting(record -> ((SignupWaitlisted) record.value()).getWaitlistPosition())
            .containsExactly(1, 2);
    }

    @Test
    void anOutOfStateResidentIsRedirectedOnTheDbtTopicAndTakesNoSeat() {
        SignupSubmitted texan = Signups.submitted("tex@example.org", "TX", "ocd");

        submit(texan);
        submit(Signups.submitted("ny@example.org", "NY", "ocd"));

        RedirectedToDbt redirect = (RedirectedToDbt) redirects.readValue();
        assertThat(redirect.getSignupId()).isEqualTo(texan.getSignupId());
        assertThat(redirect.getReason()).isEqualTo(RedirectReason.OUT_OF_LICENSED_STATE);
        assertThat(redirect.getRequestedGroupName()).isEqualTo("OCD");
        assertThat(redirect.getLicensedStates()).containsExactly("FL", "NJ", "NY");
        assertThat(((SeatReserved) seats.readValue()).getSeatNumber()).as("the texan took no seat").isEqualTo(1);
    }

    @Test
    void aRedeliveredSignupGetsNoSecondOutcomeAndTakesNoSecondSeat() {
        SignupSubmitted signup = Signups.submitted("ana@example.org", "NY", "ocd");

        submit(signup);
        submit(Signups.redeliveryOf(signup));
        submit(Signups.submitted("ben@example.org", "NY", "ocd"));

        assertThat(seats.readValuesToList()).extracting(seat -> ((SeatReserved) seat).getSeatNumber())
            .containsExactly(1, 2);
        assertNothingElseWasPublished();
    }

    @Test
    void aPersonSigningUpAgainUnderAnyCaseIsToldTheSeatTheyHold() {
        submit(Signups.submitted("ana@example.org", "NY", "ocd"));
        SignupSubmitted again = Signups.submitted("ANA@Example.org", "NY", "ocd");

        submit(again);
        submit(Signups.submitted("ben@example.org", "NY", "ocd"));

        List<SpecificRecord> told = seats.readValuesToList();
        assertThat(told).extracting(seat -> ((SeatReserved) seat).getSignupId()).contains(again.getSignupId());
        assertThat(told).extracting(seat -> ((SeatReserved) seat).getSeatNumber()).containsExactly(1, 1, 2);
    }

    @Test
    void bytesThatAreNotASignupAreDeadLetteredAsTheyCameWithTheCauseInTheHeaders() {
        byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);

        signups.pipeInput("ocd", garbage);
        submit(Signups.submitted("after@example.org", "NY", "ocd"));

        TestRecord<String, byte[]> dead = deadLetters.readRecord();
        assertThat(dead.key()).isEqualTo("ocd");
        assertThat(dead.value()).isEqualTo(garbage);
        assertThat(header(dead.headers(), "kafka_exception-fqcn"))
            .isEqualTo("org.apache.kafka.common.errors.SerializationException");
        assertThat(header(dead.headers(), "kafka_original-topic")).isEqualTo(TOPICS.signupsSubmitted());
        assertThat(dead.headers().lastHeader("kafka_original-partition").value()).isEqualTo(new byte[4]);
        assertThat(dead.headers().lastHeader("kafka_original-offset").value()).isEqualTo(new byte[8]);
        assertThat(seats.readValuesToList()).as("the partition kept flowing").hasSize(1);
    }

    @Test
    void aSignupForAGroupOutsideTheCatalogIsDeadLetteredNamingTheProblem() {
        submit(Signups.submitted("ghost@example.org", "NY", "astrology"));

        TestRecord<String, byte[]> dead = deadLetters.readRecord();
        assertThat(header(dead.headers(), "kafka_exception-fqcn")).endsWith("InvalidSignupException");
        assertThat(header(dead.headers(), "kafka_exception-message")).contains("requestedGroup is not in the catalog")
            .doesNotContain("astrology")
            .doesNotContain("ghost");
        assertNothingElseWasPublished();
    }

    @Test
    void aSignupWhoseNameCouldBreakAnEmailIsDeadLetteredNamingTheFieldNotTheValue() {
        SignupSubmitted signup = Signups.submitted("ana@example.org", "NY", "ocd");
        signup.getApplicant().setFirstName("Ana\r\nBcc: eve@example.org");

        submit(signup);

        TestRecord<String, byte[]> dead = deadLetters.readRecord();
        assertThat(header(dead.headers(), "kafka_exception-message")).contains("applicant.firstName is not a name")
            .doesNotContain("eve@example.org");
        assertNothingElseWasPublished();
    }

    @Test
    void theStandingsStoreKeysAPersonByAKeyedHashThatTheAddressAloneDoesNotGive() throws Exception {
        submit(Signups.submitted("ana@example.org", "NY", "ocd"));

        List<String> keys = new java.util.ArrayList<>();
        driver.<String, String>getKeyValueStore(EligibilityTopology.STANDING_STORE)
            .all()
            .forEachRemaining(entry -> keys.add(entry.key));
        String sha256 = java.util.HexFormat.of()
            .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest("ana@example.org".getBytes(StandardCharsets.UTF_8)));
        assertThat(keys).containsExactly("ocd|" + new PersonKeys(KEYS).of("ana@example.org"))
            .noneMatch(key -> key.contains(sha256) || key.contains("ana"));
    }

    private void submit(SignupSubmitted signup) {
        try (RegistryAvroSerializer<SignupSubmitted> serializer = new RegistryAvroSerializer<>()) {
            serializer.configure(registry, false);
            signups.pipeInput(signup.getRequestedGroup(), serializer.serialize(TOPICS.signupsSubmitted(), signup));
        }
    }

    private TestOutputTopic<String, SpecificRecord> outcomes(String topic) {
        RegistryAvroDeserializer<SpecificRecord> deserializer = new RegistryAvroDeserializer<>();
        deserializer.configure(registry, false);
        return driver.createOutputTopic(topic, new StringDeserializer(), deserializer);
    }

    private void assertNothingElseWasPublished() {
        assertThat(seats.isEmpty() && waitlist.isEmpty() && redirects.isEmpty() && deadLetters.isEmpty())
            .as("no further outcome or dead letter")
            .isTrue();
    }

    private static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }

}
