package org.groupenrollment.pipeline;

import org.groupenrollment.localregistry.LocalSchemaRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same scenarios on containers: Apache Kafka in KRaft mode and Apicurio Registry, the
 * versions the build runs without Docker. Skipped, not failed, where there is no Docker
 * engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class PipelineContainersIntegrationTests extends PipelineScenario {

    @Container
    static final KafkaContainer kafka = new KafkaContainer(
            "apache/kafka:" + org.apache.kafka.common.utils.AppInfoParser.getVersion());

    @Container
    static final GenericContainer<?> registry = new GenericContainer<>(
            "apicurio/apicurio-registry:" + LocalSchemaRegistry.VERSION)
        .withExposedPorts(8080)
        .withEnv("APICURIO_CCOMPAT_USE_CANONICAL_HASH", "true")
        .waitingFor(Wait.forHttp("/apis/ccompat/v7/subjects").forStatusCode(200));

    @BeforeAll
    static void requireBackwardCompatibility() {
        LocalSchemaRegistry.requireBackwardCompatibility(registryBaseUrl());
    }

    @Override
    String bootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    String registryUrl() {
        return registryBaseUrl();
    }

    private static String registryBaseUrl() {
        return LocalSchemaRegistry.url(registry.getHost(), registry.getMappedPort(8080));
    }

}
