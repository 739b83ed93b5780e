package org.groupenrollment.console.kafka;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.groupenrollment.console.ConsoleSettings;
import org.groupenrollment.events.EventPackage;
import org.groupenrollment.events.config.EnrollmentTopics;
import org.groupenrollment.serde.AvroSerdeConfig;
import org.groupenrollment.serde.RegistryAvroDeserializer;
import org.apache.kafka.clients.admin.NewTopic;
import org.groupenrollment.serde.encryption.DataKeys;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The console's consumers read everything from the beginning into memory, each instance
 * in a consumer group of its own (spring.kafka.consumer.group-id carries a random part),
 * so every instance sees every group. A record they cannot read is logged and skipped,
 * never retried: the board is a reading of topics that stay intact. The console writes
 * requests and audit records (Avro) and redriven dead letters (their bytes, as they
 * came), and declares the two topics it is the writer of.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleKafkaConfiguration {

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, Object> eventListenerContainerFactory(KafkaProperties kafka,
            ObjectProvider<DataKeys> dataKeys) {
        Map<String, Object> properties = kafka.buildConsumerProperties();
        // Staff see people's names and addresses: the events' personal fields decrypted.
        dataKeys.ifAvailable(keys -> properties.put(AvroSerdeConfig.DATA_KEYS, keys));
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
        properties.put(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, RegistryAvroDeserializer.class);
        properties.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        properties.put(AvroSerdeConfig.TRUSTED_PACKAGES, EventPackage.NAME);
        return factory(kafka, properties);
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, Object> deadLetterListenerContainerFactory(KafkaProperties kafka) {
        Map<String, Object> properties = kafka.buildConsumerProperties();
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return factory(kafka, properties);
    }

    private static ConcurrentKafkaListenerContainerFactory<String, Object> factory(KafkaProperties kafka,
            Map<String, Object> properties) {
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        ConcurrentKafkaListenerContainerFactory<String, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(properties));
        factory.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(0, 0)));
        factory.setAutoStartup(kafka.getListener().isAutoStartup());
        factory.getContainerProperties().setObservationEnabled(kafka.getListener().isObservationEnabled());
        return factory;
    }

    /** Requests and audit records, in Avro, as the producer settings say. */
    @Bean
    KafkaTemplate<String, Object> kafkaTemplate(ProducerFactory<String, Object> avro, KafkaProperties kafka) {
        return observed(new KafkaTemplate<>(avro), kafka);
    }

    /** Redriven records go back byte for byte, so the topic's readers see what failed. */
    @Bean
    KafkaTemplate<String, byte[]> redriveTemplate(KafkaProperties kafka) {
        Map<String, Object> properties = kafka.buildProducerProperties();
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return observed(new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(properties)), kafka);
    }

    /** A staff action's records carry the trace of the request that made them. */
    private static <V> KafkaTemplate<String, V> observed(KafkaTemplate<String, V> template, KafkaProperties kafka) {
        template.setObservationEnabled(kafka.getTemplate().isObservationEnabled());
        return template;
    }

    /**
     * The audit trail: one partition, so it reads in the order it was written, kept as
     * long as the provider must keep it.
     */
    @Bean
    NewTopic auditTopic(EnrollmentTopics topics) {
        return TopicBuilder.name(topics.staffAudit())
            .partitions(1)
            .replicas(topics.replicationFactor())
            .config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(topics.retention().audit().toMillis()))
            .build();
    }

    @Bean
    NewTopic emailResendTopic(EnrollmentTopics topics) {
        return TopicBuilder.name(topics.emailResends())
            .partitions(topics.partitions())
            .replicas(topics.replicationFactor())
            .build();
    }

}
