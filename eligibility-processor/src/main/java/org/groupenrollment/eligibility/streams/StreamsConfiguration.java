package org.groupenrollment.eligibility.streams;

import java.time.Clock;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.StreamsBuilder;
import org.groupenrollment.eligibility.decision.EligibilityPolicy;
import org.groupenrollment.eligibility.settings.EligibilitySettings;
import org.groupenrollment.eligibility.settings.EligibilitySettings.TopicSettings;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Wires the topology into Spring Boot's Kafka Streams support. Everything about the
 * clients (exactly_once_v2, commit interval, state directory) is in application.yml.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class StreamsConfiguration {

    @Bean
    EligibilityPolicy eligibilityPolicy(EligibilitySettings settings) {
        return new EligibilityPolicy(settings.toRules());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Object eligibilityTopology(StreamsBuilder builder, EligibilitySettings settings, EligibilityPolicy policy,
            KafkaProperties kafka, Clock clock) {
        EligibilityTopology.build(builder, settings.topics(), policy, new EventSerdes(kafka.buildStreamsProperties()),
                clock);
        return builder;
    }

    /** The topics this service reads or writes, created at start-up when missing. */
    @Bean
    KafkaAdmin.NewTopics enrollmentTopics(EligibilitySettings settings) {
        TopicSettings topics = settings.topics();
        return new KafkaAdmin.NewTopics(topic(topics.signupsSubmitted(), topics), topic(topics.seatsReserved(), topics),
                topic(topics.signupsWaitlisted(), topics), topic(topics.redirectedToDbt(), topics),
                topic(topics.signupsDeadLetter(), topics));
    }

    private static NewTopic topic(String name, TopicSettings topics) {
        return TopicBuilder.name(name).partitions(topics.partitions()).replicas(topics.replicationFactor()).build();
    }

}
