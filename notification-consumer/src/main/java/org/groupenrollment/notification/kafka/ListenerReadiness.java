package org.groupenrollment.notification.kafka;

import java.util.List;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Ready only while every listener container runs (the outcome listener and its retry and
 * dead-letter listeners): a stopped one sends no email, and the readiness probe says so.
 */
@Component("listeners")
class ListenerReadiness implements HealthIndicator {

    private final KafkaListenerEndpointRegistry registry;

    ListenerReadiness(KafkaListenerEndpointRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Health health() {
        List<String> stopped = registry.getListenerContainers()
            .stream()
            .filter(container -> !container.isRunning())
            .map(MessageListenerContainer::getListenerId)
            .toList();
        return (stopped.isEmpty() ? Health.up() : Health.down()).withDetail("stopped", stopped).build();
    }

}
