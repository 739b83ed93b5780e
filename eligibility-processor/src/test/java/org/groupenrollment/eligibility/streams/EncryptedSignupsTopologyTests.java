package org.groupenrollment.eligibility.streams;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.streams.TestOutputTopic;
import org.groupenrollment.events.PlaceStatus;
import org.groupenrollment.events.SignupSubmitted;
import org.groupenrollment.events.Signups;
import org.groupenrollment.events.contact.PersonKeys;
import org.groupenrollment.serde.encryption.DataKeys;
import org.groupenrollment.serde.encryption.InMemoryDataKeys;
import org.groupenrollment.serde.encryption.LocalKeyEncryptionKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signups whose personal fields are encrypted, on Kafka Streams' own test driver: the
 * processor knows a person by the keyed hashes the signup service put in the signup, and
 * passes names and address on as the ciphertext they came in, opening nothing; a signup
 * from before those hashes has its address opened instead.
 */
class EncryptedSignupsTopologyTests {

    @TempDir
    Path stateDir;

    @TempDir
    Path keyFolder;

    private final PersonKeys personKeys = new PersonKeys(DrivenTopology.KEYS);

    private ObservedDataKeys keys;

    private DrivenTopology topology;

    @BeforeEach
    void start() {
        keys = ObservedDataKeys.wrappedBy(keyFolder);
        topology = new DrivenTopology(stateDir, true, keys);
    }

    @AfterEach
    void closeDriver() {
        topology.close();
    }

    @Test
    void aSignupCarryingItsPersonKeysIsDecidedWithoutOpeningAnythingAndItsCiphertextTravelsOnUntouched() {
        SignupSubmitted signup = withPersonKeys(Signups.submitted("ana@example.org", "NY", "ocd"));
        TestOutputTopic<String, byte[]> seats = topology.raw(DrivenTopology.TOPICS.seatsReserved());

        GenericRecord sent = (GenericRecord) topology
            .asADashboardSees(DrivenTopology.TOPICS.signupsSubmitted(), topology.submit(signup))
            .get("applicant");

        assertThat(keys.lookups).as("keys looked up by the processor").hasValue(0);
        GenericRecord recipient = (GenericRecord) topology
            .asADashboardSees(DrivenTopology.TOPICS.seatsReserved(), seats.readValue())
            .get("recipient");
        assertThat(recipient.get("email")).hasToString(sent.get("email").toString());
        assertThat(recipient.get("firstName")).hasToString(sent.get("firstName").toString());
        assertThat(storedValues()).anyMatch(value -> value.contains(sent.get("email").toString()))
            .noneMatch(value -> value.contains("ana@example.org"));
    }

    @Test
    void aSignupFromBeforePersonKeysHasItsAddressOpenedAndItsPersonIsKnownAgainEitherWay() {
        SignupSubmitted first = Signups.submitted("ana@example.org", "NY", "ocd");
        topology.submit(first);
        assertThat(keys.lookups).as("the first signup's address opened").hasValue(1);

        SignupSubmitted again = withPersonKeys(Signups.submitted("Ana@Example.org", "NY", "ocd"));
        topology.submit(again);

        assertThat(keys.lookups).as("the second one's not").hasValue(1);
        assertThat(topology.places.readValuesToList()).map(PlaceStatus.class::cast)
            .filteredOn(place -> place.getSignupId().equals(again.getSignupId()))
            .singleElement()
            .satisfies(place -> assertThat(place.getOriginalSignupId()).isEqualTo(first.getSignupId()));
    }

    @Test
    void aSignupWhoseAddressCannotBeOpenedHereIsDeadLetteredWithoutTheAddress(@TempDir Path theirKeys) {
        SignupSubmitted signup = Signups.submitted("ana@example.org", "NY", "ocd");
        signup.getApplicant()
            .setEmail(new InMemoryDataKeys(LocalKeyEncryptionKeys.in(theirKeys))
                .encrypt(signup.getSignupId().toString(), "email", "ana@example.org"));

        topology.submit(signup);

        assertThat(topology.signupDeadLetters.readRecordsToList()).singleElement()
            .satisfies(dead -> assertThat(
                    new String(dead.headers().lastHeader("kafka_exception-message").value(), StandardCharsets.UTF_8))
                .startsWith("Field email")
                .doesNotContain("ana@"));
        assertThat(topology.seats.isEmpty()).isTrue();
    }

    private SignupSubmitted withPersonKeys(SignupSubmitted signup) {
        return SignupSubmitted.newBuilder(signup)
            .setPersonKeys(personKeys.candidates(signup.getApplicant().getEmail()))
            .build();
    }

    private List<String> storedValues() {
        List<String> values = new ArrayList<>();
        topology.driver.<String, String>getKeyValueStore(EligibilityTopology.SIGNUP_STORE)
            .all()
            .forEachRemaining(entry -> values.add(entry.value));
        return values;
    }

}
