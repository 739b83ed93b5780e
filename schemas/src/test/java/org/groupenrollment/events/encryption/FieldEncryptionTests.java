package org.groupenrollment.events.encryption;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.groupenrollment.events.Outcomes;
import org.groupenrollment.events.Recipient;
import org.groupenrollment.events.RedirectedToDbt;
import org.groupenrollment.events.SeatReserved;
import org.groupenrollment.events.SignupSubmitted;
import org.groupenrollment.events.Signups;
import org.groupenrollment.serde.AvroSerdeConfig;
import org.groupenrollment.serde.MockSchemaRegistry;
import org.groupenrollment.serde.RegistryAvroDeserializer;
import org.groupenrollment.serde.RegistryAvroSerializer;
import org.groupenrollment.serde.encryption.DataKeys;
import org.groupenrollment.serde.encryption.InMemoryDataKeys;
import org.groupenrollment.serde.encryption.LocalKeyEncryptionKeys;
import org.groupenrollment.serde.encryption.PersonalFields;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The project's serde with field-level encryption on, over the real event classes: what
 * is tagged PII is ciphertext on the wire, a reader without keys still decodes every
 * record, and an erased person's fields read as a placeholder.
 */
class FieldEncryptionTests {

    private static final String TOPIC = "enrollment.signups.submitted";

    private final String scope = "encryption-" + UUID.randomUUID();

    @TempDir
    Path keyFolder;

    @AfterEach
    void dropRegistry() {
        MockSchemaRegistry.dropScope(scope);
    }

    @Test
    void everyPersonalFieldIsTaggedAndEveryRecordHoldingOneNamesItsSubject() {
        Schema signup = SignupSubmitted.getClassSchema();
        Schema applicant = signup.getField("applicant").schema();
        assertThat(applicant.getFields()).allSatisfy(field -> assertThat(PersonalFields.isPersonal(field)).isTrue());
        assertThat(signup.getFields()).filteredOn(PersonalFields::isPersonal).isEmpty();
        assertThat(PersonalFields.subjectField(signup)).isEqualTo("signupId");
        Schema recipient = SeatReserved.getClassSchema().getField("recipient").schema();
        assertThat(recipient.getFields()).allSatisfy(field -> assertThat(PersonalFields.isPersonal(field)).isTrue());
        assertThat(PersonalFields.subjectField(SeatReserved.getClassSchema())).isEqualTo("signupId");
    }

    @Test
    void thePersonalFieldsAreCiphertextOnTheWireAndTheKeyHolderReadsThemBack() {
        DataKeys keys = new InMemoryDataKeys(LocalKeyEncryptionKeys.in(keyFolder));
        SignupSubmitted signup = Signups.newYorkResidentAskingForAnxiety();

        byte[] wire = serializer(keys).serialize(TOPIC, signup);

        assertThat(new String(wire, StandardCharsets.ISO_8859_1)).doesNotContain("Maya", "Lindqvist", "maya@example",
                "555 0100");
        assertThat(this.<SignupSubmitted>specificReader(keys).deserialize(TOPIC, wire)).isEqualTo(signup);
    }

    @Test
    void aReaderWithoutKeysDecodesEveryRecordAndSeesCiphertextInTheTaggedFieldsOnly() {
        DataKeys keys = new InMemoryDataKeys(LocalKeyEncryptionKeys.in(keyFolder));
        SignupSubmitted signup = Signups.newYorkResidentAskingForAnxiety();

        GenericRecord read = new RegistryAvroDeserializer<GenericRecord>(MockSchemaRegistry.forScope(scope),
                Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope))
            .deserialize(TOPIC, serializer(keys).serialize(TOPIC, signup));

        GenericRecord applicant = (GenericRecord) read.get("applicant");
        for (String field : List.of("firstName", "lastName", "email", "phone")) {
            assertThat(applicant.get(field).toString()).as(field).startsWith("enc1:" + signup.getSignupId() + ":");
        }
        assertThat(read.get("stateOfResidence").toString()).isEqualTo("NY");
        assertThat(read.get("requestedGroup").toString()).isEqualTo("anxiety");
        assertThat(read.get("signupId").toString()).isEqualTo(signup.getSignupId().toString());
    }

    @Test
    void oncePersonIsErasedTheirFieldsReadAsAPlaceholderAndEveryoneElsesStillDecode() {
        DataKeys keys = new InMemoryDataKeys(LocalKeyEncryptionKeys.in(keyFolder));
        SeatReserved erased = Outcomes.seatInTuesdayAnxietyGroup("erase.me@example.org");
        SeatReserved kept = Outcomes.seatInTuesdayAnxietyGroup("keep.me@example.org");
        RegistryAvroSerializer<SeatReserved> serializer = serializer(keys);
        byte[] erasedWire = serializer.serialize("enrollment.seats.reserved", erased);
        byte[] keptWire = serializer.serialize("enrollment.seats.reserved", kept);

        keys.erase(erased.getSignupId().toString());

        RegistryAvroDeserializer<SeatReserved> reader = specificReader(keys);
        SeatReserved afterErasure = reader.deserialize("enrollment.seats.reserved", erasedWire);
        assertThat(afterErasure.getRecipient().getEmail()).isEqualTo(DataKeys.ERASED);
        assertThat(afterErasure.getRecipient().getFirstName()).isEqualTo(DataKeys.ERASED);
        assertThat(afterErasure.getGroupId()).isEqualTo(erased.getGroupId());
        assertThat(reader.deserialize("enrollment.seats.reserved", keptWire)).isEqualTo(kept);
    }

    @Test
    void aValueAlreadyEncryptedIsPassedOnAsItIsWhileOneInClearBesideItIsEncrypted() {
        DataKeys keys = new InMemoryDataKeys(LocalKeyEncryptionKeys.in(keyFolder));
        SignupSubmitted signup = Signups.newYorkResidentAskingForAnxiety();
        GenericRecord applicant = (GenericRecord) keylessReader()
            .deserialize(TOPIC, serializer(keys).serialize(TOPIC, signup))
            .get("applicant");
        String sealedEmail = applicant.get("email").toString();
        SeatReserved allSealed = SeatReserved.newBuilder(Outcomes.seatInTuesdayAnxietyGroup("x@example.org"))
            .setSignupId(signup.getSignupId())
            .setRecipient(Recipient.newBuilder()
                .setFirstName(applicant.get("firstName").toString())
                .setEmail(sealedEmail)
                .build())
            .build();
        SeatReserved oneInClear = SeatReserved.newBuilder(allSealed)
            .setRecipient(Recipient.newBuilder().setFirstName("Maya").setEmail(sealedEmail).build())
            .build();
        RegistryAvroSerializer<SeatReserved> serializer = serializer(keys);

        byte[] passedOn = serializer.serialize("enrollment.seats.reserved", allSealed);
        byte[] mixed = serializer.serialize("enrollment.seats.reserved", oneInClear);

        for (byte[] wire : List.of(passedOn, mixed)) {
            GenericRecord recipient = (GenericRecord) keylessReader().deserialize("enrollment.seats.reserved", wire)
                .get("recipient");
            assertThat(recipient.get("email")).hasToString(sealedEmail);
            assertThat(recipient.get("firstName").toString()).startsWith("enc1:");
        }
        RegistryAvroDeserializer<SeatReserved> reader = specificReader(keys);
        assertThat(reader.deserialize("enrollment.seats.reserved", passedOn).getRecipient())
            .isEqualTo(Recipient.newBuilder()
                .setFirstName(signup.getApplicant().getFirstName())
                .setEmail(signup.getApplicant().getEmail())
                .build());
        assertThat(reader.deserialize("enrollment.seats.reserved", mixed).getRecipient().getFirstName())
            .isEqualTo("Maya");
    }

    private RegistryAvroDeserializer<GenericRecord> keylessReader() {
        return new RegistryAvroDeserializer<>(MockSchemaRegistry.forScope(scope),
                Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope));
    }

    @Test
    void aRecordOfAnotherDeploymentsKeysFailsWithAnErrorNamingTheKeyAndNoValue() {
        RedirectedToDbt redirect = Outcomes.texanAskingForDepression("tex@example.org");
        byte[] wire = serializer(new InMemoryDataKeys(LocalKeyEncryptionKeys.in(keyFolder.resolve("theirs"))))
            .serialize("enrollment.signups.redirected", redirect);

        RegistryAvroDeserializer<RedirectedToDbt> ours = specificReader(
                new InMemoryDataKeys(LocalKeyEncryptionKeys.in(keyFolder.resolve("ours"))));

        assertThatThrownBy(() -> ours.deserialize("enrollment.signups.redirected", wire))
            .isInstanceOf(SerializationException.class)
            .hasMessageContaining(redirect.getSignupId().toString())
            .hasMessageContaining("does not hold")
            .hasMessageNotContaining("tex@");
    }

    private <T extends org.apache.avro.generic.IndexedRecord> RegistryAvroSerializer<T> serializer(DataKeys keys) {
        return new RegistryAvroSerializer<>(MockSchemaRegistry.forScope(scope), configs(keys), false);
    }

    private <T> RegistryAvroDeserializer<T> specificReader(DataKeys keys) {
        Map<String, Object> configs = configs(keys);
        configs.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        configs.put(AvroSerdeConfig.TRUSTED_PACKAGES, "org.groupenrollment.events");
        return new RegistryAvroDeserializer<>(MockSchemaRegistry.forScope(scope), configs);
    }

    private Map<String, Object> configs(DataKeys keys) {
        Map<String, Object> configs = new HashMap<>();
        configs.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);
        configs.put(AvroSerdeConfig.DATA_KEYS, keys);
        return configs;
    }

}
