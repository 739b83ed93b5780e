package org.groupenrollment.notification.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.groupenrollment.events.config.EnrollmentTopics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The topic staff's resend requests arrive on. The staff console, which writes it,
 * declares it too; declared here as well, a notifier running without any console reads an
 * empty topic instead of warning, on every metadata refresh, that it does not exist.
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

}
