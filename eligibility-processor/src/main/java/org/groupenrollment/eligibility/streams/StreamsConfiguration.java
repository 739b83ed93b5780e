package org.groupenrollment.eligibility.streams;

import java.time.Clock;

import org.apache.kafka.clients.admin.NewTopic;
import org.groupenrollment.eligibility.decision.EligibilityPolicy;
import org.groupenrollment.eligibility.settings.EligibilitySettings;
import org.groupenrollment.events.config.EnrollmentTopics;
import org.groupenrollment.events.config.GroupCatalog;
import org.groupenrollment.events.config.HmacKeys;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.KafkaStreamsInfrastructureCustomizer;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Wires the topology into Spring Boot's Kafka Streams support. Everything about the
 * clients (exactly_once_v2, commit interval, state directory) is in
 * eligibility-processor.yml.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
@EnableConfigurationProperties(GroupCatalog.class)
class StreamsConfiguration {

    @Bean
    EligibilityPolicy eligibilityPolicy(EligibilitySettings settings, GroupCatalog catalog) {
        return new EligibilityPolicy(settings.rules(catalog));
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The topology is built with the Processor API, so the decider can name each record's
     * sink.
     */
    @Bean
    StreamsBuilderFactoryBeanConfigurer eligibilityTopology(EnrollmentTopics topics, EligibilityPolicy policy,
            KafkaProperties kafka, HmacKeys keys, Clock clock) {
        EventSerdes serdes = new EventSerdes(kafka.buildStreamsProperties());
        return factory -> factory.setInfrastructureCustomizer(new KafkaStreamsInfrastructureCustomizer() {
            @Override
            public void configureTopology(org.apache.kafka.streams.Topology topology) {
                EligibilityTopology.addTo(topology, topics, policy, serdes, keys, clock);
            }
        });
    }

    /**
     * The topics this service owns, created at start-up when missing: the signups it
     * reads (their partitioning makes it the single writer per group), its outcomes and
     * its dead letters.
     */
    @Bean
    KafkaAdmin.NewTopics enrollmentTopics(EnrollmentTopics topics) {
        return new KafkaAdmin.NewTopics(topic(topics.signupsSubmitted(), topics), topic(topics.seatsReserved(), topics),
                topic(topics.signupsWaitlisted(), topics), topic(topics.redirectedToDbt(), topics),
                topic(topics.signupsDeadLetter(), topics));
    }

    private static NewTopic topic(String name, EnrollmentTopics topics) {
        return TopicBuilder.name(name).partitions(topics.partitions()).replicas(topics.replicationFactor()).build();
    }

}
