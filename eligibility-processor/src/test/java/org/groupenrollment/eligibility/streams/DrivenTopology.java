package org.groupenrollment.eligibility.streams;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.groupenrollment.eligibility.decision.Cohort;
import org.groupenrollment.eligibility.decision.EligibilityPolicy;
import org.groupenrollment.eligibility.decision.EligibilityRules;
import org.groupenrollment.eligibility.decision.TherapyGroup;
import org.groupenrollment.events.SeatRequest;
import org.groupenrollment.events.SignupSubmitted;
import org.groupenrollment.events.config.EnrollmentSecrets;
import org.groupenrollment.events.config.EnrollmentTopics;
import org.groupenrollment.events.config.HmacKeys;
import org.groupenrollment.serde.AvroSerdeConfig;
import org.groupenrollment.serde.RegistryAvroDeserializer;
import org.groupenrollment.serde.RegistryAvroSerializer;
import org.groupenrollment.serde.encryption.DataKeys;

/**
 * The processor's topology on Kafka Streams' own test driver: real serdes (on an
 * in-memory registry), real state stores, exactly-once, and a wall clock the test moves.
 * The catalog is one small group, OCD, whose one cohort has two seats.
 */
final class DrivenTopology implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-12-01T18:00:00Z");

    static final Duration HOLD = Duration.ofHours(72);

    static final Duration EXPIRY_CHECK = Duration.ofSeconds(30);

    static final EnrollmentTopics TOPICS = EnrollmentTopics.fromSharedConfiguration();

    static final HmacKeys KEYS = HmacKeys.from(new EnrollmentSecrets(
            Base64.getEncoder().encodeToString("current-secret-of-32-bytes-or-so".getBytes()), List.of()), null, true);

    static final TherapyGroup OCD = new TherapyGroup("ocd", "OCD", List.of(new Cohort("ocd-tue", DayOfWeek.TUESDAY,
            LocalTime.of(20, 0), Duration.ofMinutes(90), ZoneId.of("America/New_York"), 2, null)));

    private final Map<String, Object> registry = new HashMap<>(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL,
            "mock://topology-" + UUID.randomUUID(), AvroSerdeConfig.SPECIFIC_AVRO_READER, true,
            AvroSerdeConfig.TRUSTED_PACKAGES, "org.groupenrollment.events"));

    final TopologyTestDriver driver;

    final TestInputTopic<String, byte[]> signups;

    final TestInputTopic<String, byte[]> requests;

    final TestOutputTopic<String, SpecificRecord> seats;

    final TestOutputTopic<String, SpecificRecord> waitlist;

    final TestOutputTopic<String, SpecificRecord> redirects;

    final TestOutputTopic<String, SpecificRecord> confirmed;

    final TestOutputTopic<String, SpecificRecord> released;

    final TestOutputTopic<String, SpecificRecord> leftWaitlist;

    final TestOutputTopic<String, SpecificRecord> capacityChanged;

    final TestOutputTopic<String, SpecificRecord> availability;

    final TestOutputTopic<String, SpecificRecord> places;

    final TestOutputTopic<String, SpecificRecord> erasures;

    final TestOutputTopic<String, byte[]> signupDeadLetters;

    final TestOutputTopic<String, byte[]> requestDeadLetters;

    /**
     * Seats held for {@link #HOLD} when {@code confirmationRequired}, else theirs at
     * once.
     */
    DrivenTopology(Path stateDir, boolean confirmationRequired) {
        this(stateDir, confirmationRequired, null);
    }

    /**
     * With encryption on: the personal fields of every event, in and out, under
     * {@code dataKeys}.
     */
    DrivenTopology(Path stateDir, boolean confirmationRequired, DataKeys dataKeys) {
        if (dataKeys != null) {
            registry.put(AvroSerdeConfig.DATA_KEYS, dataKeys);
        }
        EligibilityPolicy policy = new EligibilityPolicy(new EligibilityRules("test-rules", Set.of("FL", "NY", "NJ"),
                Map.of("ocd", OCD), confirmationRequired ? HOLD : null));
        Topology topology = EligibilityTopology.addTo(new Topology(), TOPICS, policy, new EventSerdes(registry), KEYS,
                EXPIRY_CHECK, RecordTracing.Tracing.NONE);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "eligibility-topology-tests");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(topology, config, NOW);
        signups = driver.createInputTopic(TOPICS.signupsSubmitted(), new StringSerializer(), new ByteArraySerializer());
        requests = driver.createInputTopic(TOPICS.seatRequests(), new StringSerializer(), new ByteArraySerializer());
        seats = events(TOPICS.seatsReserved());
        waitlist = events(TOPICS.signupsWaitlisted());
        redirects = events(TOPICS.redirectedToDbt());
        confirmed = events(TOPICS.seatsConfirmed());
        released = events(TOPICS.seatsReleased());
        leftWaitlist = events(TOPICS.waitlistPlacesLeft());
        capacityChanged = events(TOPICS.capacityChanged());
        availability = events(TOPICS.groupAvailability());
        places = events(TOPICS.places());
        erasures = events(TOPICS.erasures());
        signupDeadLetters = driver.createOutputTopic(TOPICS.signupsDeadLetter(), new StringDeserializer(),
                new ByteArrayDeserializer());
        requestDeadLetters = driver.createOutputTopic(TOPICS.seatRequestsDeadLetter(), new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    /** Returns the signup as it went on the wire. */
    byte[] submit(SignupSubmitted signup) {
        byte[] wire = serialize(TOPICS.signupsSubmitted(), signup);
        signups.pipeInput(signup.getRequestedGroup(), wire);
        return wire;
    }

    /** A record as a reader without keys sees it (a dashboard): ciphertext as it is. */
    GenericRecord asADashboardSees(String topic, byte[] wire) {
        Map<String, Object> keyless = new HashMap<>(registry);
        keyless.remove(AvroSerdeConfig.DATA_KEYS);
        keyless.remove(AvroSerdeConfig.SPECIFIC_AVRO_READER);
        RegistryAvroDeserializer<GenericRecord> deserializer = new RegistryAvroDeserializer<>();
        deserializer.configure(keyless, false);
        return deserializer.deserialize(topic, wire);
    }

    /** An output topic read as bytes, as they were written. */
    TestOutputTopic<String, byte[]> raw(String topic) {
        return driver.createOutputTopic(topic, new StringDeserializer(), new ByteArrayDeserializer());
    }

    void request(SeatRequest request) {
        requestKeyedBy(request.getGroupId(), request);
    }

    void requestKeyedBy(String key, SeatRequest request) {
        requests.pipeInput(key, serialize(TOPICS.seatRequests(), request));
    }

    /** Moves the wall clock, running the punctuators that fall due. */
    void advance(Duration duration) {
        driver.advanceWallClockTime(duration);
    }

    boolean noEventAboutAPerson() {
        return List.of(seats, waitlist, redirects, confirmed, released, leftWaitlist)
            .stream()
            .allMatch(TestOutputTopic::isEmpty);
    }

    private <T extends SpecificRecord> byte[] serialize(String topic, T record) {
        try (RegistryAvroSerializer<T> serializer = new RegistryAvroSerializer<>()) {
            serializer.configure(registry, false);
            return serializer.serialize(topic, record);
        }
    }

    private TestOutputTopic<String, SpecificRecord> events(String topic) {
        RegistryAvroDeserializer<SpecificRecord> deserializer = new RegistryAvroDeserializer<>();
        deserializer.configure(registry, false);
        return driver.createOutputTopic(topic, new StringDeserializer(), deserializer);
    }

    @Override
    public void close() {
        driver.close();
    }

}
