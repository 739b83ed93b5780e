package org.groupenrollment.eligibility.streams;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Ready only while Kafka Streams is RUNNING: while it rebalances, restores its stores, or
 * has stopped on an error, no signup is being decided, and the readiness probe says so.
 */
@Component("streams")
class StreamsReadiness implements HealthIndicator {

    private final StreamsBuilderFactoryBean streams;

    StreamsReadiness(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    @Override
    public Health health() {
        KafkaStreams client = streams.getKafkaStreams();
        KafkaStreams.State state = client == null ? KafkaStreams.State.CREATED : client.state();
        return (state == KafkaStreams.State.RUNNING ? Health.up() : Health.down()).withDetail("state", state).build();
    }

}
