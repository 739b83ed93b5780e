package org.groupenrollment.pipeline;

import org.groupenrollment.testsupport.SchemaRegistryExtension;
import org.groupenrollment.testsupport.SchemaRegistryProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The scenarios without Docker: a real KRaft broker from the Kafka jars, the real
 * registry from Maven Central, GreenMail for SMTP.
 */
@ExtendWith(SchemaRegistryExtension.class)
class PipelineIntegrationTests extends PipelineScenario {

    private EmbeddedKafkaKraftBroker broker;

    private String registryUrl;

    @BeforeAll
    void startInfrastructure(SchemaRegistryProcess registry) {
        registryUrl = registry.url();
        broker = SingleNodeKafka.start();
    }

    @AfterAll
    void stopBroker() {
        broker.destroy();
    }

    @Override
    String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    @Override
    String registryUrl() {
        return registryUrl;
    }

}
