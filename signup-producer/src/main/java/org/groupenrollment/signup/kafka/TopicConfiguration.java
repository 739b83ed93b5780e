package org.groupenrollment.signup.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class TopicConfiguration {

    /**
     * Created at start-up when missing, with the partition count the processor expects.
     */
    @Bean
    NewTopic signupsSubmittedTopic(PublishSettings settings) {
        return TopicBuilder.name(settings.signupsSubmitted())
            .partitions(settings.partitions())
            .replicas(settings.replicationFactor())
            .build();
    }

}
