package org.groupenrollment.eligibility.streams;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

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
import org.groupenrollment.eligibility.decision.EligibilityPolicy;
import org.groupenrollment.eligibility.decision.EligibilityRules;
import org.groupenrollment.events.SignupSubmitted;
import org.groupenrollment.events.config.EnrollmentTopics;
import org.groupenrollment.events.config.HmacKeys;
import org.groupenrollment.serde.AvroSerdeConfig;
import org.groupenrollment.serde.RegistryAvroDeserializer;
import org.groupenrollment.serde.RegistryAvroSerializer;

/**
 * The processor's topology on Kafka Streams' own test driver: real serdes (on an
 * in-memory registry), real state stores, exactly-once, and one instant, {@code now}, as
 * both the decider's clock and the driver's wall clock, which a test moves on to run the
 * expiry of holds; no broker.
 */
final class DrivenTopology implements AutoCloseable {

    static final EnrollmentTopics TOPICS = EnrollmentTopics.fromSharedConfiguration();

    static final HmacKeys KEYS = PersonKeysTests.keys(PersonKeysTests.CURRENT);

    static final Duration EXPIRY_CHECK = Duration.ofSeconds(30);

    private final Map<String, Object> registry = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL,
            "mock://topology-" + UUID.randomUUID(), AvroSerdeConfig.SPECIFIC_AVRO_READER, true,
            AvroSerdeConfig.TRUSTED_PACKAGES, "org.groupenrollment.events");

    private final TopologyTestDriver driver;

    private final TestInputTopic<String, byte[]> signups;

    private final TestInputTopic<String, byte[]> requests;

    DrivenTopology(EligibilityRules rules, Instant now, Path stateDir) {
        Topology topology = EligibilityTopology.addTo(new Topology(), TOPICS, new EligibilityPolicy(rules),
                new EventSerdes(registry), KEYS, Clock.fixed(now, ZoneOffset.UTC), EXPIRY_CHECK);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "eligibility-topology-tests");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(topology, config, now);
        signups = driver.createInputTopic(TOPICS.signupsSubmitted(), new StringSerializer(), new ByteArraySerializer());
        requests = driver.createInputTopic(TOPICS.seatRequests(), new StringSerializer(), new ByteArraySerializer());
    }

    TopologyTestDriver driver() {
        return driver;
    }

    /** The signup as the producer sends it: keyed by group, in the wire format. */
    void submit(SignupSubmitted signup) {
        signups.pipeInput(signup.getRequestedGroup(), serialized(TOPICS.signupsSubmitted(), signup));
    }

    void pipeSignupBytes(String key, byte[] value) {
        signups.pipeInput(key, value);
    }

    /** A request keyed as given (the group it names, unless a test says otherwise). */
    void request(String key, SpecificRecord request) {
        requests.pipeInput(key, serialized(TOPICS.seatRequests(), request));
    }

    void advanceWallClock(Duration by) {
        driver.advanceWallClockTime(by);
    }

    TestOutputTopic<String, SpecificRecord> events(String topic) {
        RegistryAvroDeserializer<SpecificRecord> deserializer = new RegistryAvroDeserializer<>();
        deserializer.configure(registry, false);
        return driver.createOutputTopic(topic, new StringDeserializer(), deserializer);
    }

    TestOutputTopic<String, byte[]> raw(String topic) {
        return driver.createOutputTopic(topic, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private byte[] serialized(String topic, SpecificRecord record) {
        try (RegistryAvroSerializer<SpecificRecord> serializer = new RegistryAvroSerializer<>()) {
            serializer.configure(registry, false);
            return serializer.serialize(topic, record);
        }
    }

    @Override
    public void close() {
        driver.close();
    }

}
