package org.groupenrollment.eligibility.streams;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.test.TestRecord;
import org.groupenrollment.events.GroupAvailability;
import org.groupenrollment.events.PersonalDataErased;
import org.groupenrollment.events.PlaceState;
import org.groupenrollment.events.PlaceStatus;
import org.groupenrollment.events.RedirectedToDbt;
import org.groupenrollment.events.Requester;
import org.groupenrollment.events.SeatRequest;
import org.groupenrollment.events.SeatRequests;
import org.groupenrollment.events.SeatReserved;
import org.groupenrollment.events.SignupSubmitted;
import org.groupenrollment.events.Signups;
import org.groupenrollment.events.contact.PersonKeys;
import org.groupenrollment.serde.encryption.DataKeys;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasing a person, on Kafka Streams' own test driver with encryption on: OCD has two
 * seats, Ana and Ben hold them, Cleo and Dev wait in that order. What was encrypted under
 * a person's key before the erasure stands for every record of theirs left in Kafka.
 */
class ErasureTopologyTests {

    @TempDir
    Path stateDir;

    @TempDir
    Path keyFolder;

    private ObservedDataKeys keys;

    private byte[] anasSignupAsSent;

    private DrivenTopology topology;

    private SignupSubmitted ana;

    private SignupSubmitted cleo;

    private SignupSubmitted dev;

    @BeforeEach
    void fillTheGroup() {
        keys = ObservedDataKeys.wrappedBy(keyFolder);
        topology = new DrivenTopology(stateDir, true, keys);
        // As the signup service sends it: with its person's keyed hashes.
        ana = SignupSubmitted.newBuilder(Signups.submitted("ana@example.org", "NY", "ocd"))
            .setPersonKeys(new PersonKeys(DrivenTopology.KEYS).candidates("ana@example.org"))
            .build();
        anasSignupAsSent = topology.submit(ana);
        signUp("ben@example.org", "NY");
        cleo = signUp("cleo@example.org", "NY");
        dev = signUp("dev@example.org", "NY");
        drainEveryOutput();
    }

    @AfterEach
    void closeDriver() {
        topology.close();
    }

    @Test
    void erasingAPersonWithASeatGivesItToTheFirstInLineTellsNobodyOfTheErasedSeatAndDestroysTheirKey() {
        String anasEmailInKafka = keys.encrypt(ana.getSignupId().toString(), "email", "ana@example.org");

        topology.request(SeatRequests.personErases("ocd", ana.getSignupId()));

        assertThat(topology.released.isEmpty()).as("no email about a seat whose person is gone").isTrue();
        SeatReserved promotion = (SeatReserved) topology.seats.readValue();
        assertThat(promotion.getSignupId()).isEqualTo(cleo.getSignupId());
        assertThat(promotion.getRecipient().getEmail()).isEqualTo("cleo@example.org");
        assertThat(lastStatusOf(ana.getSignupId())).isEqualTo(PlaceState.ERASED);
        PersonalDataErased erased = onlyErasure(ana.getSignupId());
        assertThat(erased.getErasedSignupIds()).containsExactly(ana.getSignupId());
        assertThat(erased.getKeysDestroyed()).isTrue();
        assertThat(erased.getRequestedBy()).isEqualTo(Requester.PERSON);
        assertThat(erased.getStaffId()).isNull();
        assertThat(keys.decrypt("email", anasEmailInKafka)).isEqualTo(DataKeys.ERASED);
        assertThat(keys.decrypt("email", keys.encrypt(cleo.getSignupId().toString(), "email", "cleo@example.org")))
            .isEqualTo("cleo@example.org");
    }

    @Test
    void erasingFromALaterSignupOfThePersonErasesTheirPlaceAndEverySignupThatFoundIt() {
        SignupSubmitted anaAgain = signUp("Ana@Example.org", "NY");
        String firstSignupsEmail = keys.encrypt(ana.getSignupId().toString(), "email", "ana@example.org");
        String laterSignupsEmail = keys.encrypt(anaAgain.getSignupId().toString(), "email", "Ana@Example.org");

        topology.request(SeatRequests.personErases("ocd", anaAgain.getSignupId()));

        assertThat(lastStatusOf(ana.getSignupId())).isEqualTo(PlaceState.ERASED);
        assertThat(onlyErasure(anaAgain.getSignupId()).getErasedSignupIds())
            .containsExactlyInAnyOrder(ana.getSignupId(), anaAgain.getSignupId());
        assertThat(List.of(keys.decrypt("email", firstSignupsEmail), keys.decrypt("email", laterSignupsEmail)))
            .containsOnly(DataKeys.ERASED);
    }

    @Test
    void aCopyOfAnErasedSignupArrivingLaterIsNotDecidedAndWhateverKeyItCameUnderIsDestroyedToo() {
        topology.request(SeatRequests.personErases("ocd", ana.getSignupId()));
        drainEveryOutput();
        keys.erased.clear();

        topology.signups.pipeInput("ocd", anasSignupAsSent);

        assertThat(topology.noEventAboutAPerson()).isTrue();
        assertThat(keys.erased).containsExactly(ana.getSignupId().toString());
    }

    @Test
    void erasingFromALaterSignupShowsTheErasureOnItsPlaceStatusToo() {
        SignupSubmitted anaAgain = signUp("Ana@Example.org", "NY");
        topology.places.readValuesToList();

        topology.request(SeatRequests.personErases("ocd", ana.getSignupId()));

        assertThat(lastStatusOf(anaAgain.getSignupId())).isEqualTo(PlaceState.ERASED);
    }

    @Test
    void erasingAPersonInLineMovesEveryoneBehindThemUpAndTellsNobody() {
        topology.request(SeatRequests.personErases("ocd", cleo.getSignupId()));

        assertThat(topology.leftWaitlist.isEmpty()).isTrue();
        assertThat(lastStatusOf(cleo.getSignupId())).isEqualTo(PlaceState.ERASED);
        List<SpecificRecord> availability = topology.availability.readValuesToList();
        assertThat(((GroupAvailability) availability.get(availability.size() - 1)).getWaitlistLength()).isEqualTo(1);

        topology.request(SeatRequests.personCancels("ocd", ana.getSignupId()));

        assertThat(((SeatReserved) topology.seats.readValue()).getSignupId()).isEqualTo(dev.getSignupId());
    }

    @Test
    void staffErasingSomeoneRedirectedToDbtDestroysTheirKeyAndRecordsWhoAsked() {
        SignupSubmitted texan = signUp("tex@example.org", "TX");
        RedirectedToDbt redirect = (RedirectedToDbt) topology.redirects.readValue();
        assertThat(redirect.getRequestedGroupId()).as("where an erasure of theirs is sent").isEqualTo("ocd");
        String texansEmail = keys.encrypt(texan.getSignupId().toString(), "email", "tex@example.org");

        topology.request(SeatRequests.staffErases("ocd", texan.getSignupId(), "staff-7"));

        PersonalDataErased erased = onlyErasure(texan.getSignupId());
        assertThat(erased.getRequestedBy()).isEqualTo(Requester.STAFF);
        assertThat(erased.getStaffId()).isEqualTo("staff-7");
        assertThat(erased.getErasedAt()).as("done when, by the processor's clock").isEqualTo(DrivenTopology.NOW);
        assertThat(keys.decrypt("email", texansEmail)).isEqualTo(DataKeys.ERASED);
        assertThat(topology.places.isEmpty()).as("no place to end").isTrue();
    }

    @Test
    void aRedeliveredErasureIsAppliedOnce() {
        SeatRequest erase = SeatRequests.personErases("ocd", ana.getSignupId());
        topology.request(erase);

        topology.request(SeatRequests.redeliveryOf(erase));

        assertThat(topology.erasures.readValuesToList()).hasSize(1);
        assertThat(topology.seats.readValuesToList()).hasSize(1);
    }

    @Test
    void withoutEncryptionTheErasureSaysNoKeyWasDestroyed(@TempDir Path otherStateDir) {
        try (DrivenTopology clear = new DrivenTopology(otherStateDir, true)) {
            SignupSubmitted signup = Signups.submitted("ana@example.org", "NY", "ocd");
            clear.submit(signup);

            clear.request(SeatRequests.personErases("ocd", signup.getSignupId()));

            assertThat(((PersonalDataErased) clear.erasures.readValue()).getKeysDestroyed()).isFalse();
        }
    }

    private SignupSubmitted signUp(String email, String state) {
        SignupSubmitted signup = Signups.submitted(email, state, "ocd");
        topology.submit(signup);
        return signup;
    }

    private PlaceState lastStatusOf(UUID signupId) {
        return topology.places.readValuesToList()
            .stream()
            .map(PlaceStatus.class::cast)
            .filter(place -> place.getSignupId().equals(signupId))
            .reduce((first, second) -> second)
            .map(PlaceStatus::getState)
            .orElseThrow();
    }

    private PersonalDataErased onlyErasure(UUID signupId) {
        List<TestRecord<String, SpecificRecord>> erasures = topology.erasures.readRecordsToList();
        assertThat(erasures).hasSize(1);
        assertThat(erasures.get(0).key()).isEqualTo(signupId.toString());
        return (PersonalDataErased) erasures.get(0).value();
    }

    private void drainEveryOutput() {
        List.of(topology.seats, topology.waitlist, topology.redirects, topology.released, topology.leftWaitlist,
                topology.availability, topology.places)
            .forEach(output -> output.readRecordsToList());
    }

}
