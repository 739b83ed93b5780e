package org.groupenrollment.serde;

import java.util.Map;

import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The serializer and deserializer as one Kafka Streams {@link Serde}, configured
 * together.
 */
public class RegistryAvroSerde<T extends IndexedRecord> implements Serde<T> {

    private final RegistryAvroSerializer<T> serializer;

    private final RegistryAvroDeserializer<T> deserializer;

    public RegistryAvroSerde() {
        this(new RegistryAvroSerializer<>(), new RegistryAvroDeserializer<>());
    }

    RegistryAvroSerde(RegistryAvroSerializer<T> serializer, RegistryAvroDeserializer<T> deserializer) {
        this.serializer = serializer;
        this.deserializer = deserializer;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }

}
