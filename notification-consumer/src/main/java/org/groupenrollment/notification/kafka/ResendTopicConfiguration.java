package org.groupenrollment.notification.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.groupenrollment.events.config.EnrollmentTopics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics the notifier declares. The topic staff's resend requests arrive on. The
 * staff console, which writes it, declares it too; declared here as well, a notifier
 * running without any console reads an empty topic instead of warning, on every metadata
 * refresh, that it does not exist.
 */
@Configuration(proxyBeanMethods = false)
class ResendTopicConfiguration {

    @Bean
    NewTopic emailResendTopic(EnrollmentTopics topics) {
        return TopicBuilder.name(topics.emailResends())
            .partitions(topics.partitions())
            .replicas(topics.replicationFactor())
            .build();
    }

    /**
     * The dead-letter topics of the notified events, declared before the retry support
     * would make them (it defers to a topic declared here): they carry a person's
     * details, so they keep them only as long as the event topics do.
     */
    @Bean
    KafkaAdmin.NewTopics deadLetterTopics(EnrollmentTopics topics) {
        return new KafkaAdmin.NewTopics(topics.notifierDeadLetters()
            .stream()
            .map(topic -> TopicBuilder.name(topic)
                .partitions(topics.partitions())
                .replicas(topics.replicationFactor())
                .config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(topics.retention().personalData().toMillis()))
                .build())
            .toArray(NewTopic[]::new));
    }

}
