package org.groupenrollment.eligibility.streams;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.test.TestRecord;
import org.groupenrollment.events.CapacityChanged;
import org.groupenrollment.events.GroupAvailability;
import org.groupenrollment.events.LeaveReason;
import org.groupenrollment.events.PlaceState;
import org.groupenrollment.events.PlaceStatus;
import org.groupenrollment.events.ReleaseReason;
import org.groupenrollment.events.SeatConfirmed;
import org.groupenrollment.events.SeatReleased;
import org.groupenrollment.events.SeatRequest;
import org.groupenrollment.events.SeatRequests;
import org.groupenrollment.events.SeatReserved;
import org.groupenrollment.events.SignupSubmitted;
import org.groupenrollment.events.SignupWaitlisted;
import org.groupenrollment.events.Signups;
import org.groupenrollment.events.WaitlistPlaceLeft;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.groupenrollment.eligibility.streams.DrivenTopology.EXPIRY_CHECK;
import static org.groupenrollment.eligibility.streams.DrivenTopology.HOLD;
import static org.groupenrollment.eligibility.streams.DrivenTopology.NOW;

/**
 * What happens to places after the signup, on Kafka Streams' own test driver with a wall
 * clock the test moves: OCD has two seats, held for 72 hours, and four people signed up,
 * Ana and Ben holding the seats, Cleo and Dev waiting in that order.
 */
class SeatLifecycleTopologyTests {

    @TempDir
    Path stateDir;

    private DrivenTopology topology;

    private SignupSubmitted ana;

    private SignupSubmitted ben;

    private SignupSubmitted cleo;

    private SignupSubmitted dev;

    @BeforeEach
    void fillTheGroup() {
        topology = new DrivenTopology(stateDir, true);
        ana = signUp("ana@example.org");
        ben = signUp("ben@example.org");
        cleo = signUp("cleo@example.org");
        dev = signUp("dev@example.org");
        drainEveryOutput();
    }

    @AfterEach
    void closeDriver() {
        topology.close();
    }

    @Test
    void confirmingAHeldSeatPublishesTheConfirmationWithTheScheduleAndTheSeatStopsExpiring() {
        topology.request(SeatRequests.personConfirms("ocd", ana.getSignupId()));

        TestRecord<String, SpecificRecord> record = topology.confirmed.readRecord();
        assertThat(record.key()).isEqualTo(ana.getSignupId().toString());
        SeatConfirmed confirmed = (SeatConfirmed) record.value();
        assertThat(confirmed.getSchedule().getCohortId()).isEqualTo("ocd-tue");
        assertThat(confirmed.getSeatNumber()).isEqualTo(1);
        assertThat(confirmed.getRecipient().getEmail()).isEqualTo("ana@example.org");
        assertThat(latestPlaces().get(ana.getSignupId()).getState()).isEqualTo(PlaceState.CONFIRMED);
        assertThat(lastAvailability().getCohorts().get(0).getConfirmed()).isEqualTo(1);

        topology.advance(HOLD.plus(EXPIRY_CHECK));

        List<SpecificRecord> released = topology.released.readValuesToList();
        assertThat(released).extracting(event -> ((SeatReleased) event).getSignupId())
            .containsExactly(ben.getSignupId());
    }

    @Test
    void cancellingASeatReleasesItAndTheFirstInLineGetsItAsANewHoldAtTheWallClocksTime() {
        topology.advance(Duration.ofHours(5));

        topology.request(SeatRequests.personCancels("ocd", ana.getSignupId()));

        SeatReleased released = (SeatReleased) topology.released.readValue();
        assertThat(released.getSignupId()).isEqualTo(ana.getSignupId());
        assertThat(released.getReason()).isEqualTo(ReleaseReason.CANCELLED_BY_PERSON);
        assertThat(released.getRecipient().getEmail()).isEqualTo("ana@example.org");
        TestRecord<String, SpecificRecord> promotion = topology.seats.readRecord();
        assertThat(promotion.key()).isEqualTo(cleo.getSignupId().toString());
        SeatReserved seat = (SeatReserved) promotion.value();
        assertThat(seat.getFromWaitlist()).isTrue();
        assertThat(seat.getSeatNumber()).isEqualTo(1);
        assertThat(seat.getHoldExpiresAt()).isEqualTo(NOW.plus(Duration.ofHours(5)).plus(HOLD));
        assertThat(seat.getRecipient().getEmail()).isEqualTo("cleo@example.org");
        Map<UUID, PlaceStatus> places = latestPlaces();
        assertThat(places.get(ana.getSignupId()).getState()).isEqualTo(PlaceState.CANCELLED_BY_PERSON);
        assertThat(places.get(cleo.getSignupId()).getState()).isEqualTo(PlaceState.HELD);
        GroupAvailability availability = lastAvailability();
        assertThat(availability.getWaitlistLength()).isEqualTo(1);
        assertThat(availability.getCohorts().get(0).getFree()).isZero();
        assertThat(topology.seats.isEmpty()).as("one promotion for one released seat").isTrue();
    }

    @Test
    void aHoldNotConfirmedInTimeIsReleasedByTheWallClockAndTheLineMovesUpInOrder() {
        topology.advance(HOLD.minus(EXPIRY_CHECK));
        assertThat(topology.released.isEmpty()).as("nothing released before its time").isTrue();

        topology.advance(EXPIRY_CHECK.multipliedBy(2));

        assertThat(topology.released.readValuesToList()).extracting(event -> ((SeatReleased) event).getReason())
            .containsExactly(ReleaseReason.HOLD_EXPIRED, ReleaseReason.HOLD_EXPIRED);
        assertThat(topology.seats.readValuesToList()).extracting(event -> ((SeatReserved) event).getSignupId())
            .containsExactly(cleo.getSignupId(), dev.getSignupId());
        assertThat(latestPlaces().get(ana.getSignupId()).getState()).isEqualTo(PlaceState.HOLD_EXPIRED);
        assertThat(lastAvailability().getWaitlistLength()).isZero();
    }

    @Test
    void aConfirmationAfterTheHoldWasReleasedChangesNothingAndTheStatusTellsWhy() {
        topology.advance(HOLD.plus(EXPIRY_CHECK));
        drainEveryOutput();

        topology.request(SeatRequests.personConfirms("ocd", ana.getSignupId()));

        assertThat(topology.confirmed.isEmpty()).isTrue();
        assertThat(topology.places.isEmpty()).isTrue();
        assertThat(topology.driver.<String, String>getKeyValueStore(EligibilityTopology.SIGNUP_STORE)
            .get(ana.getSignupId().toString())).isEqualTo("E\tocd\tHOLD_EXPIRED");
    }

    @Test
    void aRedeliveredRequestIsAppliedOnceSoOneCancellationPromotesOnce() {
        SeatRequest cancel = SeatRequests.personCancels("ocd", ana.getSignupId());

        topology.request(cancel);
        topology.request(SeatRequests.redeliveryOf(cancel));
        topology.request(SeatRequests.personCancels("ocd", ana.getSignupId()));

        assertThat(topology.released.readValuesToList()).hasSize(1);
        assertThat(topology.seats.readValuesToList()).extracting(event -> ((SeatReserved) event).getSignupId())
            .containsExactly(cleo.getSignupId());
    }

    @Test
    void aRedeliveredCapacityChangeDoesNotUndoALaterOne() {
        SeatRequest grow = SeatRequests.staffSetsCapacity("ocd", "ocd-tue", 4, "staff-7");
        topology.request(grow);
        topology.request(SeatRequests.staffSetsCapacity("ocd", "ocd-tue", 3, "staff-7"));

        topology.request(SeatRequests.redeliveryOf(grow));

        assertThat(topology.capacityChanged.readValuesToList())
            .extracting(event -> ((CapacityChanged) event).getCapacity())
            .containsExactly(4, 3);
        assertThat(lastAvailability().getCohorts().get(0).getCapacity()).isEqualTo(3);
    }

    @Test
    void leavingTheLineMovesEveryoneBehindUpSoTheNextSeatGoesToThem() {
        topology.request(SeatRequests.personLeavesTheWaitlist("ocd", cleo.getSignupId()));

        WaitlistPlaceLeft left = (WaitlistPlaceLeft) topology.leftWaitlist.readValue();
        assertThat(left.getSignupId()).isEqualTo(cleo.getSignupId());
        assertThat(left.getReason()).isEqualTo(LeaveReason.LEFT_BY_PERSON);
        assertThat(latestPlaces().get(cleo.getSignupId()).getState()).isEqualTo(PlaceState.LEFT_WAITLIST);

        topology.request(SeatRequests.staffCancels("ocd", ben.getSignupId(), "staff-7"));

        assertThat(((SeatReleased) topology.released.readValue()).getReason())
            .isEqualTo(ReleaseReason.CANCELLED_BY_STAFF);
        assertThat(((SeatReserved) topology.seats.readValue()).getSignupId()).isEqualTo(dev.getSignupId());
    }

    @Test
    void aGrownCapacityPromotesAsManyAsItAddsAndALoweredOneEvictsNobody() {
        topology.request(SeatRequests.staffSetsCapacity("ocd", "ocd-tue", 4, "staff-7"));

        CapacityChanged changed = (CapacityChanged) topology.capacityChanged.readValue();
        assertThat(changed.getPreviousCapacity()).isEqualTo(2);
        assertThat(changed.getCapacity()).isEqualTo(4);
        assertThat(changed.getChangedBy()).isEqualTo("staff-7");
        assertThat(topology.seats.readValuesToList()).extracting(event -> ((SeatReserved) event).getSeatNumber())
            .containsExactly(3, 4);

        topology.request(SeatRequests.staffSetsCapacity("ocd", "ocd-tue", 1, "staff-7"));

        assertThat(topology.released.isEmpty()).as("nobody evicted").isTrue();
        assertThat(lastAvailability().getCohorts().get(0)).satisfies(cohort -> {
            assertThat(cohort.getCapacity()).isEqualTo(1);
            assertThat(cohort.getHeld()).isEqualTo(4);
            assertThat(cohort.getFree()).isZero();
        });
    }

    @Test
    void aRequestFromALaterSignupOfTheSamePersonAppliesToTheirPlace() {
        SignupSubmitted anaAgain = signUp("Ana@Example.org");

        topology.request(SeatRequests.personConfirms("ocd", anaAgain.getSignupId()));

        assertThat(((SeatConfirmed) topology.confirmed.readValue()).getSignupId()).isEqualTo(ana.getSignupId());
    }

    @Test
    void aPersonWhoCancelledMaySignUpAgainAndGoesToTheEndOfTheLine() {
        topology.request(SeatRequests.personCancels("ocd", ana.getSignupId()));
        drainEveryOutput();

        SignupSubmitted anaAgain = signUp("ana@example.org");

        SignupWaitlisted waitlisted = (SignupWaitlisted) topology.waitlist.readValue();
        assertThat(waitlisted.getSignupId()).isEqualTo(anaAgain.getSignupId());
        assertThat(waitlisted.getWaitlistPosition()).isEqualTo(2);
    }

    @Test
    void aWaitingPersonSigningUpAgainIsToldTheirPlaceInLineAsItIsNow() {
        topology.request(SeatRequests.personLeavesTheWaitlist("ocd", cleo.getSignupId()));

        signUp("dev@example.org");

        assertThat(((SignupWaitlisted) topology.waitlist.readValue()).getWaitlistPosition()).isEqualTo(1);
    }

    @Test
    void whenAPlaceEndsTheProcessorKeepsNoWayToReachItsPerson() {
        topology.request(SeatRequests.personCancels("ocd", ana.getSignupId()));

        List<String> values = new ArrayList<>();
        topology.driver.<String, String>getKeyValueStore(EligibilityTopology.SIGNUP_STORE)
            .all()
            .forEachRemaining(entry -> values.add(entry.value));
        assertThat(values).noneMatch(value -> value.contains("ana@example.org"))
            .anyMatch(value -> value.contains("cleo@example.org"));
    }

    @Test
    void requestsThatCanNeverBeAppliedAreDeadLetteredAndTheRestStillApply() {
        SeatRequest otherGroupsKey = SeatRequests.personConfirms("ocd", ana.getSignupId());
        SeatRequest capacityByAPerson = SeatRequests.staffSetsCapacity("ocd", "ocd-tue", 9, "staff-7");
        capacityByAPerson.setRequestedBy(org.groupenrollment.events.Requester.PERSON);

        topology.requestKeyedBy("anxiety", otherGroupsKey);
        topology.requests.pipeInput("ocd", "not avro".getBytes(StandardCharsets.UTF_8));
        topology.request(capacityByAPerson);
        topology.request(SeatRequests.personConfirms("ocd", ana.getSignupId()));

        List<TestRecord<String, byte[]>> dead = topology.requestDeadLetters.readRecordsToList();
        assertThat(dead).extracting(record -> header(record, "kafka_exception-fqcn"))
            .containsExactly(SeatRequestValidation.InvalidRequestException.class.getName(),
                    "org.apache.kafka.common.errors.SerializationException",
                    SeatRequestValidation.InvalidRequestException.class.getName());
        assertThat(dead).extracting(record -> header(record, "kafka_exception-message"))
            .contains("The request is not keyed by the group it names",
                    "A capacity change needs a cohort of the group, a capacity of 0 or more, and a staff member");
        assertThat(topology.capacityChanged.isEmpty()).isTrue();
        assertThat(topology.confirmed.readValuesToList()).hasSize(1);
    }

    @Test
    void soonAfterStartingTheProcessorRepublishesItsGroupsAvailability() {
        topology.advance(Duration.ofSeconds(1));

        assertThat(lastAvailability().getWaitlistLength()).isEqualTo(2);
    }

    @Test
    void withoutConfirmationASeatIsTheirsAtOnceAndNeverExpires(@TempDir Path otherStateDir) {
        try (DrivenTopology immediate = new DrivenTopology(otherStateDir, false)) {
            SignupSubmitted signup = Signups.submitted("ana@example.org", "NY", "ocd");
            immediate.submit(signup);

            assertThat(((SeatReserved) immediate.seats.readValue()).getHoldExpiresAt()).isNull();
            assertThat(((PlaceStatus) immediate.places.readValue()).getState()).isEqualTo(PlaceState.CONFIRMED);
            immediate.advance(Duration.ofDays(30));
            assertThat(immediate.released.isEmpty()).isTrue();
        }
    }

    private SignupSubmitted signUp(String email) {
        SignupSubmitted signup = Signups.submitted(email, "NY", "ocd");
        topology.submit(signup);
        return signup;
    }

    /** Every place status published since the last look, the latest per signup. */
    private Map<UUID, PlaceStatus> latestPlaces() {
        Map<UUID, PlaceStatus> latest = new HashMap<>();
        topology.places.readValuesToList()
            .forEach(place -> latest.put(((PlaceStatus) place).getSignupId(), (PlaceStatus) place));
        return latest;
    }

    private GroupAvailability lastAvailability() {
        List<SpecificRecord> all = topology.availability.readValuesToList();
        return (GroupAvailability) all.get(all.size() - 1);
    }

    private static String header(TestRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private void drainEveryOutput() {
        List.of(topology.seats, topology.waitlist, topology.redirects, topology.confirmed, topology.released,
                topology.leftWaitlist, topology.capacityChanged, topology.availability, topology.places)
            .forEach(output -> output.readRecordsToList());
    }

}
