package org.groupenrollment.eligibility.streams;

import java.util.HashMap;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.groupenrollment.events.EventPackage;
import org.groupenrollment.events.SeatRequest;
import org.groupenrollment.events.SignupSubmitted;
import org.groupenrollment.serde.AvroSerdeConfig;
import org.groupenrollment.serde.RegistryAvroDeserializer;
import org.groupenrollment.serde.RegistryAvroSerializer;

/**
 * The registry-backed (de)serializers of the topology, configured from the Kafka client
 * properties.
 */
public final class EventSerdes {

    private final Map<String, Object> configs;

    public EventSerdes(Map<String, ?> clientProperties) {
        Map<String, Object> merged = new HashMap<>(clientProperties);
        merged.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        merged.put(AvroSerdeConfig.TRUSTED_PACKAGES, EventPackage.NAME);
        this.configs = Map.copyOf(merged);
    }

    /**
     * Reads signups as they are on the wire, personal fields encrypted when encryption is
     * on: the processor opens only what it needs ({@link PersonalData}).
     */
    Deserializer<SignupSubmitted> signups() {
        Map<String, Object> sealed = new HashMap<>(configs);
        sealed.remove(AvroSerdeConfig.DATA_KEYS);
        return deserializer(sealed);
    }

    Deserializer<SeatRequest> seatRequests() {
        return deserializer(configs);
    }

    PersonalData personalData() {
        return new PersonalData(AvroSerdeConfig.dataKeys(configs));
    }

    /** Writes each event with its own schema, under its topic's subject. */
    Serializer<SpecificRecord> events() {
        RegistryAvroSerializer<SpecificRecord> serializer = new RegistryAvroSerializer<>();
        serializer.configure(configs, false);
        return serializer;
    }

    private static <T> Deserializer<T> deserializer(Map<String, Object> configs) {
        RegistryAvroDeserializer<T> deserializer = new RegistryAvroDeserializer<>();
        deserializer.configure(configs, false);
        return deserializer;
    }

}
