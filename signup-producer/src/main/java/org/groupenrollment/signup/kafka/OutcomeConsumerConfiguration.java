package org.groupenrollment.signup.kafka;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.groupenrollment.events.EventPackage;
import org.groupenrollment.serde.AvroSerdeConfig;
import org.groupenrollment.serde.RegistryAvroDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The consumers of this service's views: the status view (outcomes) and the place and
 * availability views. A record they cannot read is skipped (logged by the error handler,
 * never retried): a view is a reading of what the processor keeps, and the notifier
 * dead-letters unreadable outcomes.
 */
@Configuration(proxyBeanMethods = false)
class OutcomeConsumerConfiguration {

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, Object> outcomeListenerContainerFactory(KafkaProperties kafka) {
        Map<String, Object> properties = kafka.buildConsumerProperties();
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
        properties.put(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, RegistryAvroDeserializer.class);
        properties.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        properties.put(AvroSerdeConfig.TRUSTED_PACKAGES, EventPackage.NAME);
        ConcurrentKafkaListenerContainerFactory<String, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(properties));
        factory.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(0, 0)));
        // Boot's own factory honours spring.kafka.listener.auto-startup; this one does
        // too.
        factory.setAutoStartup(kafka.getListener().isAutoStartup());
        factory.getContainerProperties().setObservationEnabled(kafka.getListener().isObservationEnabled());
        return factory;
    }

}
