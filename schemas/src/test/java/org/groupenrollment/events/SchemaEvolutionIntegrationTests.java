package org.groupenrollment.events;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.generic.GenericRecord;
import org.groupenrollment.serde.AvroSerdeConfig;
import org.groupenrollment.serde.RegistryAvroDeserializer;
import org.groupenrollment.serde.RegistryAvroSerializer;
import org.groupenrollment.testsupport.SchemaRegistryExtension;
import org.groupenrollment.testsupport.SchemaRegistryProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry itself, set to FULL (BACKWARD and FORWARD) for the subject, accepts v2
 * after v1.
 */
@ExtendWith(SchemaRegistryExtension.class)
class SchemaEvolutionIntegrationTests {

    @Test
    void theRegistryAcceptsV2UnderFullCompatibilityAndOldCodeReadsIt(SchemaRegistryProcess registry) throws Exception {
        String topic = "evolution-" + UUID.randomUUID();
        var serializer = new RegistryAvroSerializer<>();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url()), false);
        serializer.serialize(topic, Signups.newYorkResidentAskingForAnxiety());
        requireFullCompatibility(registry, topic + "-value");

        GenericRecord v2 = new org.apache.avro.generic.GenericRecordBuilder(SchemaEvolutionTests.V2)
            .set("signupId", UUID.randomUUID().toString())
            .set("submittedAt", 1_700_000_000_000L)
            .set("applicant",
                    new org.apache.avro.generic.GenericRecordBuilder(
                            SchemaEvolutionTests.V2.getField("applicant").schema())
                        .set("firstName", "Ana")
                        .set("lastName", "Ruiz")
                        .set("email", "ana@example.org")
                        .build())
            .set("stateOfResidence", "FL")
            .set("requestedGroup", "ocd")
            .set("preferredLanguage", "es")
            .build();
        byte[] bytes = serializer.serialize(topic, v2);

        var oldReader = new RegistryAvroDeserializer<SignupSubmitted>();
        oldReader.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url(),
                AvroSerdeConfig.SPECIFIC_AVRO_READER, true, AvroSerdeConfig.TRUSTED_PACKAGES, EventPackage.NAME),
                false);
        SignupSubmitted read = oldReader.deserialize(topic, bytes);
        assertThat(read.getStateOfResidence()).isEqualTo("FL");
        assertThat(read.getSource()).isEqualTo(SignupSource.UNKNOWN);
    }

    private static void requireFullCompatibility(SchemaRegistryProcess registry, String subject) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(registry.url() + "/config/" + subject))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"FULL\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

}
