package org.groupenrollment.pipeline;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same scenarios on containers: Apache Kafka in KRaft mode and Apicurio Registry.
 * Skipped, not failed, where there is no Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class PipelineContainersIntegrationTests extends PipelineScenario {

    @Container
    static final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2");

    @Container
    static final GenericContainer<?> registry = new GenericContainer<>("apicurio/apicurio-registry:3.0.9")
        .withExposedPorts(8080)
        .withEnv("APICURIO_CCOMPAT_USE_CANONICAL_HASH", "true")
        .waitingFor(Wait.forHttp("/apis/ccompat/v7/subjects").forStatusCode(200));

    @BeforeAll
    static void requireBackwardCompatibility() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(registryBaseUrl() + "/config"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"BACKWARD\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
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
        return "http://" + registry.getHost() + ":" + registry.getMappedPort(8080) + "/apis/ccompat/v7";
    }

}
