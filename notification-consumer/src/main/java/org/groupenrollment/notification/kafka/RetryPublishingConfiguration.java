package org.groupenrollment.notification.kafka;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.groupenrollment.serde.AvroSerdeConfig;
import org.groupenrollment.serde.RegistryAvroSerializer;
import org.groupenrollment.serde.encryption.DataKeys;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;

/**
 * The template that moves records to the retry and dead-letter topics. It meets two kinds
 * of value: an outcome that was read but not yet emailed (re-serialized as Avro with its
 * registered schema), and the raw bytes of a record that could not be deserialized (kept
 * byte for byte).
 */
@Configuration(proxyBeanMethods = false)
class RetryPublishingConfiguration {

    @Bean
    KafkaTemplate<String, Object> kafkaTemplate(KafkaProperties kafka, ObjectProvider<DataKeys> dataKeys) {
        Map<String, Object> properties = kafka.buildProducerProperties();
        // A retried outcome is written again: its personal fields encrypted again.
        dataKeys.ifAvailable(keys -> properties.put(AvroSerdeConfig.DATA_KEYS, keys));
        RegistryAvroSerializer<SpecificRecord> avro = new RegistryAvroSerializer<>();
        avro.configure(properties, false);
        Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
        byType.put(byte[].class, new ByteArraySerializer());
        byType.put(SpecificRecord.class, avro);
        DefaultKafkaProducerFactory<String, Object> factory = new DefaultKafkaProducerFactory<>(properties,
                new StringSerializer(), new DelegatingByTypeSerializer(byType, true));
        KafkaTemplate<String, Object> template = new KafkaTemplate<>(factory);
        // A retried or dead-lettered outcome stays in the trace of the signup it came
        // from.
        template.setObservationEnabled(true);
        return template;
    }

}
