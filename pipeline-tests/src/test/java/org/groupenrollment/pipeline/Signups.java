package org.groupenrollment.pipeline;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.groupenrollment.events.Applicant;
import org.groupenrollment.events.SignupSource;
import org.groupenrollment.events.SignupSubmitted;
import org.groupenrollment.serde.AvroSerdeConfig;
import org.groupenrollment.serde.RegistryAvroSerializer;

/**
 * Signups as the producer service would publish them, and a client that publishes them
 * directly.
 */
final class Signups {

    private Signups() {
    }

    /**
     * A fresh signup (new id) from the person with this email, living in {@code state},
     * for {@code group}.
     */
    static SignupSubmitted submitted(String email, String state, String group) {
        return SignupSubmitted.newBuilder()
            .setSignupId(UUID.randomUUID())
            .setSubmittedAt(Instant.now())
            .setApplicant(Applicant.newBuilder().setFirstName("Pat").setLastName("Doe").setEmail(email).build())
            .setStateOfResidence(state)
            .setRequestedGroup(group)
            .setSource(SignupSource.API)
            .build();
    }

    /**
     * Writes Avro in the registry's wire format, registering schemas as the services do.
     */
    static <T extends SpecificRecord> KafkaProducer<String, T> avroProducer(String bootstrapServers,
            String registryUrl) {
        RegistryAvroSerializer<T> serializer = new RegistryAvroSerializer<>();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), serializer);
    }

}
