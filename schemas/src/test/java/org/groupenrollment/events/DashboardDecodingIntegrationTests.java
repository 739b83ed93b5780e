package org.groupenrollment.events;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.groupenrollment.serde.AvroSerdeConfig;
import org.groupenrollment.serde.RegistryAvroSerializer;
import org.groupenrollment.testsupport.SchemaRegistryExtension;
import org.groupenrollment.testsupport.SchemaRegistryProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decodes our bytes the way Kafka UI, AKHQ or Redpanda Console do: the 4-byte id after
 * the magic byte, the writer schema fetched by that id from the registry's REST API, Avro
 * read from offset 5. The reading side uses only the JDK, Jackson and Avro, none of this
 * project's code.
 */
@ExtendWith(SchemaRegistryExtension.class)
class DashboardDecodingIntegrationTests {

    @Test
    void aDashboardDecodesASubmittedSignupWithNothingButTheRegistry(SchemaRegistryProcess registry) throws Exception {
        SignupSubmitted signup = Signups.newYorkResidentAskingForAnxiety();
        var serializer = new RegistryAvroSerializer<SignupSubmitted>();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url()), false);
        byte[] bytes = serializer.serialize("signups.submitted", signup);

        GenericRecord decoded = decodeAsADashboardWould(registry.url(), bytes);

        assertThat(decoded.getSchema().getFullName()).isEqualTo("org.groupenrollment.events.SignupSubmitted");
        assertThat(decoded.get("signupId").toString()).isEqualTo(signup.getSignupId().toString());
        assertThat(decoded.get("stateOfResidence").toString()).isEqualTo("NY");
        assertThat(decoded.get("submittedAt")).isEqualTo(signup.getSubmittedAt().toEpochMilli());
        assertThat(decoded.get("source").toString()).isEqualTo("WEB_FORM");
        assertThat(decoded.toString()).contains("\"requestedGroup\": \"anxiety\"");
    }

    private static GenericRecord decodeAsADashboardWould(String registryUrl, byte[] bytes)
            throws IOException, InterruptedException {
        assertThat(bytes[0]).as("magic byte").isZero();
        int schemaId = ByteBuffer.wrap(bytes, 1, 4).getInt();
        HttpResponse<String> response = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(registryUrl + "/schemas/ids/" + schemaId)).build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        Schema writer = new Schema.Parser().parse(new ObjectMapper().readTree(response.body()).get("schema").asText());
        return new GenericDatumReader<GenericRecord>(writer).read(null,
                DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
    }

}
