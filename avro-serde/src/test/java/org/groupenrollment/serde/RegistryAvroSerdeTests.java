package org.groupenrollment.serde;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistryAvroSerdeTests {

    private final String scope = "serde-tests-" + UUID.randomUUID();

    private final Map<String, Object> configs = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);

    @AfterEach
    void dropRegistry() {
        MockSchemaRegistry.dropScope(scope);
    }

    @Test
    void roundTripsAGenericRecordInConfluentFraming() {
        byte[] bytes = serializer().serialize("greetings", TestRecords.greeting("hello", 3));

        assertThat(bytes[0]).isZero();
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        assertThat(MockSchemaRegistry.forScope(scope).schemaById(id)).isEqualTo(TestRecords.GREETING_V1);
        GenericRecord read = (GenericRecord) deserializer().deserialize("greetings", bytes);
        assertThat(read.get("text").toString()).isEqualTo("hello");
        assertThat(read.get("count")).isEqualTo(3);
    }

    @Test
    void registersValuesAndKeysUnderTopicNamedSubjects() {
        RegistryAvroSerializer<GenericRecord> keySerializer = new RegistryAvroSerializer<>();
        keySerializer.configure(configs, true);

        serializer().serialize("greetings", TestRecords.greeting("hello", 1));
        keySerializer.serialize("greetings", TestRecords.greeting("key", 1));

        assertThat(MockSchemaRegistry.forScope(scope).latest("greetings-value").schema())
            .isEqualTo(TestRecords.GREETING_V1);
        assertThat(MockSchemaRegistry.forScope(scope).latest("greetings-key").schema())
            .isEqualTo(TestRecords.GREETING_V1);
    }

    @Test
    void passesNullThroughForTombstones() {
        assertThat(serializer().serialize("greetings", null)).isNull();
        assertThat(deserializer().deserialize("greetings", null)).isNull();
    }

    @Test
    void refusesFewerThanFiveBytes() {
        assertThatThrownBy(() -> deserializer().deserialize("greetings", new byte[] { 0, 0, 1 }))
            .isInstanceOf(SerializationException.class)
            .hasMessageContaining("3 bytes is fewer than the 5");
    }

    @Test
    void refusesAnUnknownMagicByteAndNamesIt() {
        assertThatThrownBy(() -> deserializer().deserialize("greetings", new byte[] { 7, 0, 0, 0, 1, 2 }))
            .isInstanceOf(SerializationException.class)
            .hasMessageContaining("unknown magic byte 0x07");
    }

    @Test
    void refusesAnUnknownSchemaId() {
        byte[] unknownId = ByteBuffer.allocate(6).put((byte) 0).putInt(424242).put((byte) 2).array();

        assertThatThrownBy(() -> deserializer().deserialize("greetings", unknownId))
            .isInstanceOf(SerializationException.class)
            .hasMessageContaining("schema id 424242 is unknown");
    }

    @Test
    void refusesATruncatedAvroBody() {
        byte[] bytes = serializer().serialize("greetings", TestRecords.greeting("hello", 3));
        byte[] truncated = java.util.Arrays.copyOf(bytes, 7);

        assertThatThrownBy(() -> deserializer().deserialize("greetings", truncated))
            .isInstanceOf(SerializationException.class)
            .hasMessageContaining("Cannot decode the Avro body");
    }

    @Test
    void failsWhenAutoRegisterIsOffAndTheSchemaIsUnknown() {
        RegistryAvroSerializer<GenericRecord> serializer = new RegistryAvroSerializer<>();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope,
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false"), false);

        assertThatThrownBy(() -> serializer.serialize("greetings", TestRecords.greeting("hello", 1)))
            .isInstanceOf(SerializationException.class)
            .hasMessageContaining("not registered under subject greetings-value");
    }

    @Test
    void writesWithTheLatestVersionWhenAsked() {
        MockSchemaRegistry.forScope(scope).register("greetings-value", TestRecords.GREETING_V1);
        int latestId = MockSchemaRegistry.forScope(scope).register("greetings-value", TestRecords.GREETING_V2);
        RegistryAvroSerializer<GenericRecord> serializer = new RegistryAvroSerializer<>();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope,
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false, AvroSerdeConfig.USE_LATEST_VERSION, true), false);

        byte[] bytes = serializer.serialize("greetings", TestRecords.greetingV2("hi", 1, "fr"));

        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(latestId);
    }

    @Test
    void rejectsUseLatestVersionTogetherWithAutoRegister() {
        assertThatThrownBy(() -> AvroSerdeConfig
            .from(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://x", AvroSerdeConfig.USE_LATEST_VERSION, "true")))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("auto.register.schemas=false");
    }

    @Test
    void rejectsSubjectStrategiesItDoesNotImplement() {
        assertThatThrownBy(() -> AvroSerdeConfig
            .from(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://x", AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
                    "io.confluent.kafka.serializers.subject.RecordNameStrategy")))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("topic name strategy");
    }

    @Test
    void requiresARegistryUrl() {
        assertThatThrownBy(() -> AvroSerdeConfig.from(Map.of())).isInstanceOf(ConfigException.class)
            .hasMessageContaining("schema.registry.url");
    }

    @Test
    void readsCommaSeparatedUrlListsAsConfluentDoes() {
        AvroSerdeConfig config = AvroSerdeConfig
            .from(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://a:8081, http://b:8081"));

        assertThat(config.registryUrls()).containsExactly("http://a:8081", "http://b:8081");
    }

    private RegistryAvroSerializer<GenericRecord> serializer() {
        RegistryAvroSerializer<GenericRecord> serializer = new RegistryAvroSerializer<>();
        serializer.configure(configs, false);
        return serializer;
    }

    private RegistryAvroDeserializer<Object> deserializer() {
        RegistryAvroDeserializer<Object> deserializer = new RegistryAvroDeserializer<>();
        deserializer.configure(configs, false);
        return deserializer;
    }

}
