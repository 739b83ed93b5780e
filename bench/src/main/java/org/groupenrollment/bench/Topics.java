package org.groupenrollment.bench;

import java.util.HashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.groupenrollment.events.EventPackage;
import org.groupenrollment.serde.AvroSerdeConfig;
import org.groupenrollment.serde.RegistryAvroDeserializer;
import org.groupenrollment.serde.RegistryAvroSerializer;
import org.groupenrollment.serde.encryption.KafkaDataKeys;

/** Kafka clients for the benchmarks, each configured as the services configure theirs. */
final class Topics {

    private final String bootstrap;

    private final String registryUrl;

    /**
     * The services' data keys, when they encrypt: the bench's own records are encrypted
     * alike.
     */
    private final KafkaDataKeys dataKeys;

    Topics(String bootstrap, String registryUrl, KafkaDataKeys dataKeys) {
        this.bootstrap = bootstrap;
        this.registryUrl = registryUrl;
        this.dataKeys = dataKeys;
    }

    /**
     * Makes the data keys of the people a backlog is about, in one go, as the signup
     * service would have made each on its signup.
     */
    void prepareKeys(Collection<String> subjectIds) {
        if (dataKeys != null) {
            dataKeys.createAll(subjectIds);
        }
    }

    void create(int partitions, String... names) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin
                .createTopics(
                        java.util.Arrays.stream(names).map(name -> new NewTopic(name, partitions, (short) 1)).toList())
                .all()
                .get(30, TimeUnit.SECONDS);
        }
        catch (Exception ex) {
            throw new IllegalStateException("Cannot create topics " + List.of(names), ex);
        }
    }

    <T extends SpecificRecord> KafkaProducer<String, T> avroProducer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        if (dataKeys != null) {
            config.put(AvroSerdeConfig.DATA_KEYS, dataKeys);
        }
        RegistryAvroSerializer<T> serializer = new RegistryAvroSerializer<>();
        serializer.configure(config, false);
        return new KafkaProducer<>(config, new StringSerializer(), serializer);
    }

    /**
     * Reads events as a service does, personal fields decrypted when encryption is on:
     * for matching them to the people the run signed up.
     */
    KafkaConsumer<String, SpecificRecord> decryptingAvroConsumer(String group) {
        return avroConsumer(group, dataKeys);
    }

    /** Reads events with personal fields as they are on the wire. */
    KafkaConsumer<String, SpecificRecord> avroConsumer(String group) {
        return avroConsumer(group, null);
    }

    private KafkaConsumer<String, SpecificRecord> avroConsumer(String group, KafkaDataKeys keys) {
        Map<String, Object> config = consumerConfig(group);
        if (keys != null) {
            config.put(AvroSerdeConfig.DATA_KEYS, keys);
        }
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        config.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        config.put(AvroSerdeConfig.TRUSTED_PACKAGES, EventPackage.NAME);
        RegistryAvroDeserializer<SpecificRecord> deserializer = new RegistryAvroDeserializer<>();
        deserializer.configure(config, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), deserializer);
    }

    KafkaConsumer<byte[], byte[]> rawConsumer(String group) {
        return new KafkaConsumer<>(consumerConfig(group), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private Map<String, Object> consumerConfig(String group) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        return config;
    }

}
