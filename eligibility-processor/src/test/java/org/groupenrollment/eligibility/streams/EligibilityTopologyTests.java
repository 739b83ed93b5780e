package org.groupenrollment.eligibility.streams;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.test.TestRecord;
import org.groupenrollment.events.CohortAvailability;
import org.groupenrollment.events.GroupAvailability;
import org.groupenrollment.events.PlaceState;
import org.groupenrollment.events.PlaceStatus;
import org.groupenrollment.events.RedirectReason;
import org.groupenrollment.events.RedirectedToDbt;
import org.groupenrollment.events.SeatReserved;
import org.groupenrollment.events.SignupSubmitted;
import org.groupenrollment.events.SignupWaitlisted;
import org.groupenrollment.events.Signups;
import org.groupenrollment.events.contact.PersonKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.groupenrollment.eligibility.streams.DrivenTopology.HOLD;
import static org.groupenrollment.eligibility.streams.DrivenTopology.KEYS;
import static org.groupenrollment.eligibility.streams.DrivenTopology.NOW;
import static org.groupenrollment.eligibility.streams.DrivenTopology.TOPICS;

/**
 * How signups are decided, on Kafka Streams' own test driver (see
 * {@link DrivenTopology}): OCD has two seats, held for 72 hours.
 */
class EligibilityTopologyTests {

    @TempDir
    Path stateDir;

    private DrivenTopology topology;

    @BeforeEach
    void startDriver() {
        topology = new DrivenTopology(stateDir, true);
    }

    @AfterEach
    void closeDriver() {
        topology.close();
    }

    @Test
    void aLicensedResidentGetsASeatHeldForTheWindowOnTheSeatsTopicKeyedBySignupId() {
        SignupSubmitted signup = Signups.submitted("ana@example.org", "NY", "ocd");

        topology.submit(signup);

        TestRecord<String, SpecificRecord> record = topology.seats.readRecord();
        assertThat(record.key()).isEqualTo(signup.getSignupId().toString());
        SeatReserved seat = (SeatReserved) record.value();
        assertThat(seat.getSeatNumber()).isEqualTo(1);
        assertThat(seat.getSeatsLeft()).isEqualTo(1);
        assertThat(seat.getSchedule().getCohortId()).isEqualTo("ocd-tue");
        assertThat(seat.getReservedAt()).isEqualTo(NOW);
        assertThat(seat.getHoldExpiresAt()).isEqualTo(NOW.plus(HOLD));
        assertThat(seat.getFromWaitlist()).isFalse();
        assertThat(seat.getRuleVersion()).isEqualTo("test-rules");
        assertThat(seat.getRecipient().getEmail()).isEqualTo("ana@example.org");
        assertThat(topology.noEventAboutAPerson()).isTrue();
    }

    @Test
    void withEveryDecisionTheGroupsAvailabilityAndThePlacesStatusArePublishedWithoutPersonalData() {
        SignupSubmitted signup = Signups.submitted("ana@example.org", "NY", "ocd");

        topology.submit(signup);

        TestRecord<String, SpecificRecord> availability = topology.availability.readRecord();
        assertThat(availability.key()).isEqualTo("ocd");
        assertThat(((GroupAvailability) availability.value()).getCohorts()).singleElement()
            .isEqualTo(CohortAvailability.newBuilder()
                .setCohortId("ocd-tue")
                .setCapacity(2)
                .setHeld(1)
                .setConfirmed(0)
                .setFree(1)
                .build());
        TestRecord<String, SpecificRecord> place = topology.places.readRecord();
        assertThat(place.key()).isEqualTo(signup.getSignupId().toString());
        assertThat(place.value()).isEqualTo(PlaceStatus.newBuilder()
            .setSignupId(signup.getSignupId())
            .setGroupId("ocd")
            .setState(PlaceState.HELD)
            .setCohortId("ocd-tue")
            .setSeatNumber(1)
            .setHoldExpiresAt(NOW.plus(HOLD))
            .setChangedAt(NOW)
            .build());
        assertThat(availability.value().toString() + place.value()).doesNotContain("ana");
    }

    @Test
    void theApplicantAfterTheLastSeatIsWaitlistedInArrivalOrderWithAscendingTickets() {
        topology.submit(Signups.submitted("first@example.org", "NY", "ocd"));
        topology.submit(Signups.submitted("second@example.org", "FL", "ocd"));
        SignupSubmitted third = Signups.submitted("third@example.org", "NJ", "ocd");
        SignupSubmitted fourth = Signups.submitted("fourth@example.org", "NJ", "ocd");

        topology.submit(third);
        topology.submit(fourth);

        assertThat(topology.seats.readValuesToList()).hasSize(2);
        List<TestRecord<String, SpecificRecord>> waitlisted = topology.waitlist.readRecordsToList();
        assertThat(waitlisted).extracting(TestRecord::key)
            .containsExactly(third.getSignupId().toString(), fourth.getSignupId().toString());
        assertThat(waitlisted).extracting(record -> ((SignupWaitlisted) record.value()).getWaitlistPosition())
            .containsExactly(1, 2);
        assertThat(topology.places.readValuesToList()).extracting(place -> ((PlaceStatus) place).getWaitlistTicket())
            .containsExactly(null, null, 1L, 2L);
    }

    @Test
    void anOutOfStateResidentIsRedirectedOnTheDbtTopicAndTakesNoSeat() {
        SignupSubmitted texan = Signups.submitted("tex@example.org", "TX", "ocd");

        topology.submit(texan);
        topology.submit(Signups.submitted("ny@example.org", "NY", "ocd"));

        RedirectedToDbt redirect = (RedirectedToDbt) topology.redirects.readValue();
        assertThat(redirect.getSignupId()).isEqualTo(texan.getSignupId());
        assertThat(redirect.getReason()).isEqualTo(RedirectReason.OUT_OF_LICENSED_STATE);
        assertThat(redirect.getRequestedGroupName()).isEqualTo("OCD");
        assertThat(redirect.getLicensedStates()).containsExactly("FL", "NJ", "NY");
        assertThat(((SeatReserved) topology.seats.readValue()).getSeatNumber()).as("the texan took no seat")
            .isEqualTo(1);
        assertThat(topology.places.readValuesToList()).as("a redirect is no place").hasSize(1);
    }

    @Test
    void aRedeliveredSignupGetsNoSecondOutcomeAndTakesNoSecondSeat() {
        SignupSubmitted signup = Signups.submitted("ana@example.org", "NY", "ocd");

        topology.submit(signup);
        topology.submit(Signups.redeliveryOf(signup));
        topology.submit(Signups.submitted("ben@example.org", "NY", "ocd"));

        assertThat(topology.seats.readValuesToList()).extracting(seat -> ((SeatReserved) seat).getSeatNumber())
            .containsExactly(1, 2);
        assertThat(topology.noEventAboutAPerson()).isTrue();
    }

    @Test
    void aPersonSigningUpAgainUnderAnyCaseIsToldTheSeatTheyHoldAndTheNewSignupFollowsThatPlace() {
        SignupSubmitted first = Signups.submitted("ana@example.org", "NY", "ocd");
        topology.submit(first);
        SignupSubmitted again = Signups.submitted("ANA@Example.org", "NY", "ocd");

        topology.submit(again);
        topology.submit(Signups.submitted("ben@example.org", "NY", "ocd"));

        List<SpecificRecord> told = topology.seats.readValuesToList();
        assertThat(told).extracting(seat -> ((SeatReserved) seat).getSignupId()).contains(again.getSignupId());
        assertThat(told).extracting(seat -> ((SeatReserved) seat).getSeatNumber()).containsExactly(1, 1, 2);
        assertThat(topology.places.readValuesToList())
            .filteredOn(place -> ((PlaceStatus) place).getSignupId().equals(again.getSignupId()))
            .singleElement()
            .satisfies(place -> {
                assertThat(((PlaceStatus) place).getOriginalSignupId()).isEqualTo(first.getSignupId());
                assertThat(((PlaceStatus) place).getState()).isEqualTo(PlaceState.HELD);
            });
    }

    @Test
    void aStandingThatPointsAtNoPlaceIsLoggedAndThePersonDecidedAfreshInsteadOfStoppingThePartition() {
        topology.driver.<String, String>getKeyValueStore(EligibilityTopology.STANDING_STORE)
            .put("ocd|" + new PersonKeys(KEYS).of("ana@example.org"), java.util.UUID.randomUUID().toString());

        topology.submit(Signups.submitted("ana@example.org", "NY", "ocd"));
        topology.submit(Signups.submitted("ben@example.org", "NY", "ocd"));

        assertThat(topology.seats.readValuesToList()).extracting(seat -> ((SeatReserved) seat).getSeatNumber())
            .containsExactly(1, 2);
    }

    @Test
    void bytesThatAreNotASignupAreDeadLetteredAsTheyCameWithTheCauseInTheHeaders() {
        byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);

        topology.signups.pipeInput("ocd", garbage);
        topology.submit(Signups.submitted("after@example.org", "NY", "ocd"));

        TestRecord<String, byte[]> dead = topology.signupDeadLetters.readRecord();
        assertThat(dead.key()).isEqualTo("ocd");
        assertThat(dead.value()).isEqualTo(garbage);
        assertThat(header(dead.headers(), "kafka_exception-fqcn"))
            .isEqualTo("org.apache.kafka.common.errors.SerializationException");
        assertThat(header(dead.headers(), "kafka_original-topic")).isEqualTo(TOPICS.signupsSubmitted());
        assertThat(dead.headers().lastHeader("kafka_original-partition").value()).isEqualTo(new byte[4]);
        assertThat(dead.headers().lastHeader("kafka_original-offset").value()).isEqualTo(new byte[8]);
        assertThat(topology.seats.readValuesToList()).as("the partition kept flowing").hasSize(1);
    }

    @Test
    void aSignupForAGroupOutsideTheCatalogIsDeadLetteredNamingTheProblem() {
        topology.submit(Signups.submitted("ghost@example.org", "NY", "astrology"));

        TestRecord<String, byte[]> dead = topology.signupDeadLetters.readRecord();
        assertThat(header(dead.headers(), "kafka_exception-fqcn")).endsWith("InvalidSignupException");
        assertThat(header(dead.headers(), "kafka_exception-message")).contains("requestedGroup is not in the catalog")
            .doesNotContain("astrology")
            .doesNotContain("ghost");
        assertThat(topology.noEventAboutAPerson()).isTrue();
    }

    @Test
    void aSignupWhoseNameCouldBreakAnEmailIsDeadLetteredNamingTheFieldNotTheValue() {
        SignupSubmitted signup = Signups.submitted("ana@example.org", "NY", "ocd");
        signup.getApplicant().setFirstName("Ana\r\nBcc: eve@example.org");

        topology.submit(signup);

        TestRecord<String, byte[]> dead = topology.signupDeadLetters.readRecord();
        assertThat(header(dead.headers(), "kafka_exception-message")).contains("applicant.firstName is not a name")
            .doesNotContain("eve@example.org");
        assertThat(topology.noEventAboutAPerson()).isTrue();
    }

    @Test
    void theStandingsStoreKeysAPersonByAKeyedHashThatTheAddressAloneDoesNotGive() throws Exception {
        topology.submit(Signups.submitted("ana@example.org", "NY", "ocd"));

        List<String> keys = new java.util.ArrayList<>();
        topology.driver.<String, String>getKeyValueStore(EligibilityTopology.STANDING_STORE)
            .all()
            .forEachRemaining(entry -> keys.add(entry.key));
        String sha256 = java.util.HexFormat.of()
            .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest("ana@example.org".getBytes(StandardCharsets.UTF_8)));
        assertThat(keys).containsExactly("ocd|" + new PersonKeys(KEYS).of("ana@example.org"))
            .noneMatch(key -> key.contains(sha256) || key.contains("ana"));
    }

    private static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }

}
