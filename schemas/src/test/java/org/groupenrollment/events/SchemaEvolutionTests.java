package org.groupenrollment.events;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * v2 of SignupSubmitted adds an optional field and an enum symbol. New code must read old
 * data (BACKWARD) and old code must read new data (FORWARD), both on paper and with real
 * bytes.
 */
class SchemaEvolutionTests {

    static final Schema V1 = SignupSubmitted.getClassSchema();
    static final Schema V2 = loadV2();

    @BeforeAll
    static void trustGeneratedClasses() {
        EventPackage.trust();
    }

    @Test
    void v2ReadsV1DataOnPaper() {
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(V2, V1).getType())
            .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void v1ReadsV2DataOnPaper() {
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(V1, V2).getType())
            .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void newCodeReadsOldDataWithTheNewFieldsDefault() throws IOException {
        SignupSubmitted old = Signups.newYorkResidentAskingForAnxiety();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<SignupSubmitted>(V1, old.getSpecificData()).write(old, encoder);
        encoder.flush();

        GenericRecord read = new GenericDatumReader<GenericRecord>(V1, V2).read(null,
                DecoderFactory.get().binaryDecoder(out.toByteArray(), null));

        assertThat(read.get("preferredLanguage").toString()).isEqualTo("en");
        assertThat(read.get("stateOfResidence").toString()).isEqualTo("NY");
    }

    @Test
    void oldCodeReadsNewDataAndMapsAnUnknownSourceToTheDefaultSymbol() throws IOException {
        SignupSubmitted template = Signups.newYorkResidentAskingForAnxiety();
        GenericRecord v2 = asV2(template);
        v2.put("source", new GenericData.EnumSymbol(V2.getField("source").schema(), "PARTNER_REFERRAL"));
        v2.put("preferredLanguage", "es");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(V2).write(v2, encoder);
        encoder.flush();

        SignupSubmitted read = new SpecificDatumReader<SignupSubmitted>(V2, V1, template.getSpecificData()).read(null,
                DecoderFactory.get().binaryDecoder(out.toByteArray(), null));

        assertThat(read.getSource()).isEqualTo(SignupSource.UNKNOWN);
        assertThat(read.getSignupId()).isEqualTo(template.getSignupId());
        assertThat(read.getApplicant().getEmail()).isEqualTo(template.getApplicant().getEmail());
    }

    private static GenericRecord asV2(SignupSubmitted signup) {
        GenericRecord applicant = new GenericData.Record(V2.getField("applicant").schema());
        applicant.put("firstName", signup.getApplicant().getFirstName());
        applicant.put("lastName", signup.getApplicant().getLastName());
        applicant.put("email", signup.getApplicant().getEmail());
        GenericRecord record = new GenericData.Record(V2);
        record.put("signupId", signup.getSignupId().toString());
        record.put("submittedAt", signup.getSubmittedAt().toEpochMilli());
        record.put("applicant", applicant);
        record.put("stateOfResidence", signup.getStateOfResidence());
        record.put("requestedGroup", signup.getRequestedGroup());
        return record;
    }

    static Schema loadV2() {
        try (InputStream in = SchemaEvolutionTests.class.getResourceAsStream("/avro/v2/SignupSubmitted.avsc")) {
            return new Schema.Parser().parse(in);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
