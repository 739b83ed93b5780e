package org.groupenrollment.events.config;

import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.groupenrollment.serde.AvroSerdeConfig;
import org.groupenrollment.serde.encryption.DataKeys;
import org.groupenrollment.serde.encryption.KafkaDataKeys;
import org.groupenrollment.serde.encryption.KeyEncryptionKeys;
import org.groupenrollment.serde.encryption.LocalKeyEncryptionKeys;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;

/**
 * Field-level encryption for every service with Kafka clients, unless
 * {@code enrollment.encryption.enabled} is false: the KMS (key files in the data folder,
 * unless a deployment provides its own {@link KeyEncryptionKeys}), the data keys' store
 * on its compacted topic, and the store handed to every serializer and deserializer the
 * service's Kafka factories make, so each encrypts and decrypts the fields tagged PII.
 */
@AutoConfiguration(after = EnrollmentAutoConfiguration.class)
@ConditionalOnClass(KafkaProperties.class)
@ConditionalOnProperty(name = "enrollment.encryption.enabled", havingValue = "true")
@EnableConfigurationProperties(EncryptionSettings.class)
public class EncryptionAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    KeyEncryptionKeys keyEncryptionKeys(EncryptionSettings settings) {
        return LocalKeyEncryptionKeys.in(settings.kekFolder());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(DataKeys.class)
    KafkaDataKeys dataKeys(KeyEncryptionKeys kms, EnrollmentTopics topics, EncryptionSettings settings,
            KafkaProperties kafka) {
        NewTopic topic = KafkaDataKeys.topic(topics.dataKeys(), topics.replicationFactor(),
                settings.erasedKeyGoneWithin());
        return settings.readKeys()
                ? new KafkaDataKeys(kms, topic, kafka.buildAdminProperties(), settings.keyLookupPatience(),
                        settings.keyStoreFolder(), settings.keysKeptUnwrapped())
                : KafkaDataKeys.makingOnly(kms, topic, kafka.buildAdminProperties(), settings.keyLookupPatience());
    }

    @Bean
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
    @ConditionalOnBean(KafkaDataKeys.class)
    @ConditionalOnProperty(name = "enrollment.encryption.read-keys", havingValue = "true", matchIfMissing = true)
    DataKeysEndpoint dataKeysEndpoint(KeyEncryptionKeys kms, KafkaDataKeys store) {
        return new DataKeysEndpoint(kms, store);
    }

    @Bean
    DefaultKafkaProducerFactoryCustomizer encryptingProducers(DataKeys dataKeys) {
        return factory -> factory.updateConfigs(Map.of(AvroSerdeConfig.DATA_KEYS, dataKeys));
    }

    @Bean
    DefaultKafkaConsumerFactoryCustomizer decryptingConsumers(DataKeys dataKeys) {
        return factory -> factory.updateConfigs(Map.of(AvroSerdeConfig.DATA_KEYS, dataKeys));
    }

}
