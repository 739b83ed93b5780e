package org.groupenrollment.events;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.groupenrollment.serde.AvroSerdeConfig;
import org.groupenrollment.serde.RegistryAvroDeserializer;
import org.groupenrollment.serde.RegistryAvroSerializer;
import org.groupenrollment.testsupport.SchemaRegistryExtension;
import org.groupenrollment.testsupport.SchemaRegistryProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry itself judges each evolution: set to FULL (BACKWARD and FORWARD) for the
 * subject it accepts a v2 signup after v1, and under BACKWARD (the pipeline's setting) it
 * accepts the seat lifecycle's SeatReserved after the one first released, and refuses a
 * field added without a default.
 */
@ExtendWith(SchemaRegistryExtension.class)
class SchemaEvolutionIntegrationTests {

    @Test
    void theRegistryAcceptsV2UnderFullCompatibilityAndOldCodeReadsIt(SchemaRegistryProcess registry) throws Exception {
        String topic = "evolution-" + UUID.randomUUID();
        var serializer = new RegistryAvroSerializer<>();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url()), false);
        serializer.serialize(topic, Signups.newYorkResidentAskingForAnxiety());
        setCompatibility(registry, topic + "-value", "FULL");

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

    @Test
    void seatReservedGainsItsHoldFieldsUnderBackwardCompatibilityAndReadsOldRecordsWithDefaults(
            SchemaRegistryProcess registry) throws Exception {
        String subject = "seat-evolution-" + UUID.randomUUID() + "-value";
        Schema released = new Schema.Parser()
            .parse(new String(getClass().getResourceAsStream("/avro/v1/SeatReserved.avsc").readAllBytes(),
                    StandardCharsets.UTF_8)
                // The released file names its shared types; resolve them to today's,
                // unchanged.
                .replace("\"WeeklySchedule\"", WeeklySchedule.getClassSchema().toString())
                .replace("\"Recipient\"", Recipient.getClassSchema().toString()));
        int releasedId = register(registry, subject, released);
        setCompatibility(registry, subject, "BACKWARD");

        assertThat(isCompatible(registry, subject, SeatReserved.getClassSchema())).isTrue();
        Schema withoutDefault = new Schema.Parser()
            .parse(SeatReserved.getClassSchema().toString().replace(",\"default\":false", ""));
        assertThat(isCompatible(registry, subject, withoutDefault)).as("a new field without a default").isFalse();

        SeatReserved seat = Outcomes.seatInTuesdayAnxietyGroup("maya@example.org");
        var deserializer = new RegistryAvroDeserializer<SeatReserved>();
        deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url(),
                AvroSerdeConfig.SPECIFIC_AVRO_READER, true, AvroSerdeConfig.TRUSTED_PACKAGES, EventPackage.NAME),
                false);
        SeatReserved read = deserializer.deserialize("seat-evolution", writtenWith(released, releasedId, seat));
        assertThat(read.getSignupId()).isEqualTo(seat.getSignupId());
        assertThat(read.getHoldExpiresAt()).as("no hold in a seat given before holds").isNull();
        assertThat(read.getFromWaitlist()).isFalse();
    }

    /**
     * Confluent's wire format: magic byte, schema id, then Avro binary in that schema.
     */
    private static byte[] writtenWith(Schema schema, int schemaId, SeatReserved seat) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(0);
        bytes.write(ByteBuffer.allocate(4).putInt(schemaId).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        // The released fields come first in today's class, so it writes them as released.
        new SpecificDatumWriter<SeatReserved>(schema, SpecificData.getForClass(SeatReserved.class)).write(seat,
                encoder);
        encoder.flush();
        return bytes.toByteArray();
    }

    private static int register(SchemaRegistryProcess registry, String subject, Schema schema) throws Exception {
        HttpResponse<String> response = post(registry.url() + "/subjects/" + subject + "/versions", schema);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Integer.parseInt(response.body().replaceAll("\\D+", ""));
    }

    private static boolean isCompatible(SchemaRegistryProcess registry, String subject, Schema schema)
            throws Exception {
        HttpResponse<String> response = post(registry.url() + "/compatibility/subjects/" + subject + "/versions/latest",
                schema);
        assertThat(response.statusCode()).as(response.body()).isIn(200, 409);
        return response.body().replace(" ", "").contains("\"is_compatible\":true");
    }

    private static HttpResponse<String> post(String url, Schema schema) throws Exception {
        String body = new ObjectMapper().writeValueAsString(Map.of("schema", schema.toString()));
        return HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void setCompatibility(SchemaRegistryProcess registry, String subject, String level)
            throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(registry.url() + "/config/" + subject))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"" + level + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

}
