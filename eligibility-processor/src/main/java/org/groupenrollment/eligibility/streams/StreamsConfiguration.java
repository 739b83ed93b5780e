package org.groupenrollment.eligibility.streams;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.tracing.Tracer;
import org.apache.kafka.common.config.TopicConfig;
import io.micrometer.tracing.propagation.Propagator;
import org.groupenrollment.eligibility.decision.EligibilityPolicy;
import org.groupenrollment.eligibility.settings.EligibilitySettings;
import org.groupenrollment.events.config.EnrollmentTopics;
import org.groupenrollment.events.config.GroupCatalog;
import org.groupenrollment.events.config.HmacKeys;
import org.groupenrollment.serde.AvroSerdeConfig;
import org.groupenrollment.serde.encryption.DataKeys;
import org.springframework.beans.factory.ObjectProvider;
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

    /**
     * The topology is built with the Processor API, so the decider can name each record's
     * sink.
     */
    @Bean
    StreamsBuilderFactoryBeanConfigurer eligibilityTopology(EnrollmentTopics topics, EligibilityPolicy policy,
            KafkaProperties kafka, HmacKeys keys, EligibilitySettings settings, ObjectProvider<Tracer> tracer,
            ObjectProvider<Propagator> propagator, ObjectProvider<DataKeys> dataKeys) {
        Map<String, Object> serdeConfigs = new HashMap<>(kafka.buildStreamsProperties());
        // With encryption on, the events' personal fields are decrypted on reading and
        // encrypted on writing, each under its person's key.
        dataKeys.ifAvailable(store -> serdeConfigs.put(AvroSerdeConfig.DATA_KEYS, store));
        EventSerdes serdes = new EventSerdes(serdeConfigs);
        RecordTracing.Tracing tracing = new RecordTracing.Tracing(tracer.getIfAvailable(() -> Tracer.NOOP),
                propagator.getIfAvailable(() -> Propagator.NOOP));
        return factory -> factory.setInfrastructureCustomizer(new KafkaStreamsInfrastructureCustomizer() {
            @Override
            public void configureTopology(org.apache.kafka.streams.Topology topology) {
                EligibilityTopology.addTo(topology, topics, policy, serdes, keys, settings.seats().expiryCheck(),
                        tracing);
            }
        });
    }

    /**
     * The topics this service owns, created at start-up when missing: the signups and
     * requests it reads (their partitioning makes it the single writer per group), the
     * events it writes, and its dead letters. Availability and places are compacted: the
     * latest record of a group or a signup is all a reader needs. Those that carry
     * personal data keep it only as long as the provider needs it; the erasures as long
     * as the audit.
     */
    @Bean
    KafkaAdmin.NewTopics enrollmentTopics(EnrollmentTopics topics) {
        return new KafkaAdmin.NewTopics(topic(topics.signupsSubmitted(), topics).build(),
                topic(topics.seatRequests(), topics).build(), topic(topics.seatsReserved(), topics).build(),
                topic(topics.signupsWaitlisted(), topics).build(), topic(topics.redirectedToDbt(), topics).build(),
                topic(topics.seatsConfirmed(), topics).build(), topic(topics.seatsReleased(), topics).build(),
                topic(topics.waitlistPlacesLeft(), topics).build(), topic(topics.capacityChanged(), topics).build(),
                topic(topics.groupAvailability(), topics).compact().build(),
                topic(topics.places(), topics).compact().build(), topic(topics.signupsDeadLetter(), topics).build(),
                topic(topics.seatRequestsDeadLetter(), topics).build(),
                retained(topic(topics.erasures(), topics), topics.retention().audit()).build());
    }

    private static TopicBuilder topic(String name, EnrollmentTopics topics) {
        TopicBuilder topic = TopicBuilder.name(name)
            .partitions(topics.partitions())
            .replicas(topics.replicationFactor());
        return topics.withPersonalData().contains(name) ? retained(topic, topics.retention().personalData()) : topic;
    }

    private static TopicBuilder retained(TopicBuilder topic, Duration retention) {
        return topic.config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retention.toMillis()));
    }

}
