package org.groupenrollment.events;

import java.util.HashMap;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.groupenrollment.serde.encryption.DataKeys;
import org.groupenrollment.serde.AvroSerdeConfig;
import org.groupenrollment.serde.RegistryAvroDeserializer;
import org.groupenrollment.serde.RegistryAvroSerializer;

/**
 * Kafka clients for the tests' own reading and writing, speaking the pipeline's wire
 * format; shared by every module's tests.
 */
public record Clients(String bootstrapServers, String registryUrl) {

    /**
     * Writes Avro in the registry's wire format, registering schemas as the services do.
     */
    public <T extends SpecificRecord> KafkaProducer<String, T> avroProducer() {
        RegistryAvroSerializer<T> serializer = new RegistryAvroSerializer<>();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), serializer);
    }

    public KafkaProducer<String, byte[]> rawProducer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Reads committed records from the beginning, as generated classes. */
    public KafkaConsumer<String, SpecificRecord> avroConsumer(String group) {
        return avroConsumer(group, Map.of());
    }

    /**
     * Reads committed records from the beginning, as generated classes, their personal
     * fields decrypted with {@code keys}, as a service of the pipeline reads them.
     */
    public KafkaConsumer<String, SpecificRecord> avroConsumer(String group, DataKeys keys) {
        return avroConsumer(group, Map.of(AvroSerdeConfig.DATA_KEYS, keys));
    }

    private KafkaConsumer<String, SpecificRecord> avroConsumer(String group, Map<String, Object> extra) {
        Map<String, Object> configs = new HashMap<>(extra);
        configs.putAll(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl, AvroSerdeConfig.SPECIFIC_AVRO_READER,
                true, AvroSerdeConfig.TRUSTED_PACKAGES, EventPackage.NAME));
        RegistryAvroDeserializer<SpecificRecord> deserializer = new RegistryAvroDeserializer<>();
        deserializer.configure(configs, false);
        return new KafkaConsumer<>(consumerConfig(group, "read_committed"), new StringDeserializer(), deserializer);
    }

    /**
     * Reads records from the beginning as bytes; {@code isolation} says whether open
     * transactions show.
     */
    public KafkaConsumer<String, byte[]> rawConsumer(String group, String isolation) {
        return new KafkaConsumer<>(consumerConfig(group, isolation), new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    private Map<String, Object> consumerConfig(String group, String isolation) {
        return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
    }

}
