package org.groupenrollment.serde;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.groupenrollment.testsupport.FreePorts;
import org.groupenrollment.testsupport.SchemaRegistryExtension;
import org.groupenrollment.testsupport.SchemaRegistryProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The serde against a real registry speaking Confluent's REST API. */
@ExtendWith(SchemaRegistryExtension.class)
class RegistryAvroSerdeIntegrationTests {

    private SchemaRegistryProcess registry;

    private String topic;

    @BeforeEach
    void useFreshTopic(SchemaRegistryProcess registry) {
        this.registry = registry;
        this.topic = "greetings-" + UUID.randomUUID();
    }

    @Test
    void roundTripsThroughTheRegistry() {
        byte[] bytes = serializer(Map.of()).serialize(topic, TestRecords.greeting("hello", 2));

        GenericRecord read = (GenericRecord) deserializer().deserialize(topic, bytes);

        assertThat(read.get("text").toString()).isEqualTo("hello");
        assertThat(read.get("count")).isEqualTo(2);
    }

    @Test
    void getsTheSameIdForTheSameSchemaFromAnotherClient() {
        byte[] first = serializer(Map.of()).serialize(topic, TestRecords.greeting("a", 1));
        byte[] second = serializer(Map.of()).serialize(topic, TestRecords.greeting("b", 2));

        assertThat(java.util.Arrays.copyOf(second, 5)).isEqualTo(java.util.Arrays.copyOf(first, 5));
    }

    @Test
    void failsTheSendWithAClearMessageWhenTheRegistryRefusesAnIncompatibleSchema() {
        serializer(Map.of()).serialize(topic, TestRecords.greeting("v1", 1));

        assertThatThrownBy(() -> serializer(Map.of()).serialize(topic, TestRecords.incompatibleGreeting()))
            .isInstanceOf(SerializationException.class)
            .hasMessageContaining("incompatible with the schemas already registered under subject " + topic + "-value");
    }

    @Test
    void acceptsABackwardCompatibleNewVersion() {
        serializer(Map.of()).serialize(topic, TestRecords.greeting("v1", 1));
        byte[] v2 = serializer(Map.of()).serialize(topic, TestRecords.greetingV2("v2", 2, "de"));

        GenericRecord read = (GenericRecord) deserializer().deserialize(topic, v2);

        assertThat(read.get("language").toString()).isEqualTo("de");
    }

    @Test
    void looksUpWithoutRegisteringWhenAutoRegisterIsOff() {
        byte[] registered = serializer(Map.of()).serialize(topic, TestRecords.greeting("v1", 1));
        var lookUpOnly = serializer(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false"));

        byte[] lookedUp = lookUpOnly.serialize(topic, TestRecords.greeting("again", 1));

        assertThat(java.util.Arrays.copyOf(lookedUp, 5)).isEqualTo(java.util.Arrays.copyOf(registered, 5));
        assertThatThrownBy(() -> lookUpOnly.serialize(topic, TestRecords.greetingV2("new", 1, "it")))
            .isInstanceOf(SerializationException.class)
            .hasMessageContaining("not registered");
    }

    @Test
    void reportsAnIdTheRegistryDoesNotKnow() {
        byte[] unknownId = java.nio.ByteBuffer.allocate(6).put((byte) 0).putInt(987654).put((byte) 0).array();

        assertThatThrownBy(() -> deserializer().deserialize(topic, unknownId))
            .isInstanceOf(SerializationException.class)
            .hasMessageContaining("schema id 987654 is unknown");
    }

    @Test
    void movesOnToTheNextUrlWhenOneIsUnreachable() throws IOException {
        String deadUrl = "http://127.0.0.1:" + FreePorts.loopback();
        var serializer = new RegistryAvroSerializer<GenericRecord>();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, deadUrl + "," + registry.url(),
                AvroSerdeConfig.RETRY_BACKOFF_MS, "10"), false);

        byte[] bytes = serializer.serialize(topic, TestRecords.greeting("failover", 1));

        assertThat(((GenericRecord) deserializer().deserialize(topic, bytes)).get("text").toString())
            .isEqualTo("failover");
    }

    @Test
    void givesUpOnAnUnreachableRegistryWithTheCause() throws IOException {
        var serializer = new RegistryAvroSerializer<GenericRecord>();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://127.0.0.1:" + FreePorts.loopback(),
                AvroSerdeConfig.MAX_RETRIES, "1", AvroSerdeConfig.RETRY_BACKOFF_MS, "10"), false);

        assertThatThrownBy(() -> serializer.serialize(topic, TestRecords.greeting("lost", 1)))
            .isInstanceOf(SerializationException.class)
            .hasMessageContaining("unreachable")
            .hasRootCauseInstanceOf(IOException.class);
    }

    private RegistryAvroSerializer<GenericRecord> serializer(Map<String, Object> overrides) {
        var configs = new java.util.HashMap<String, Object>(overrides);
        configs.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
        var serializer = new RegistryAvroSerializer<GenericRecord>();
        serializer.configure(configs, false);
        return serializer;
    }

    private RegistryAvroDeserializer<Object> deserializer() {
        var deserializer = new RegistryAvroDeserializer<Object>();
        deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url()), false);
        return deserializer;
    }

}
