package org.groupenrollment.pipeline;

import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real KRaft broker (controller and broker in one), from the Kafka jars, in this JVM.
 */
final class SingleNodeKafka {

    private SingleNodeKafka() {
    }

    static EmbeddedKafkaKraftBroker start() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        // One broker: the transaction log must live with one replica, or exactly-once
        // cannot start.
        broker.brokerProperties(
                Map.of("transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
        return broker;
    }

}
