package org.groupenrollment.eligibility.streams;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.groupenrollment.eligibility.decision.Cohort;
import org.groupenrollment.eligibility.decision.EligibilityRules;
import org.groupenrollment.eligibility.decision.TherapyGroup;
import org.groupenrollment.events.CapacityChanged;
import org.groupenrollment.events.GroupAvailability;
import org.groupenrollment.events.LeaveReason;
import org.groupenrollment.events.ReleaseReason;
import org.groupenrollment.events.Requester;
import org.groupenrollment.events.SeatAction;
import org.groupenrollment.events.SeatConfirmed;
import org.groupenrollment.events.SeatReleased;
import org.groupenrollment.events.SeatRequest;
import org.groupenrollment.events.SeatReserved;
import org.groupenrollment.events.SignupSubmitted;
import org.groupenrollment.events.Signups;
import org.groupenrollment.events.WaitlistPlaceLeft;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.groupenrollment.eligibility.streams.DrivenTopology.TOPICS;

/**
 * The seat lifecycle through the topology: requests keyed by group applied by the task
 * that owns the ledger, holds released by the wall-clock punctuator, the first in line
 * promoted, and every change published with the group's availability. The OCD group has
 * one cohort of two seats; seats are held for 72 hours.
 */
class SeatLifecycleTopologyTests {

    private static final Instant NOW = Instant.parse("2026-12-01T18:00:00Z");

    private static final Duration HOLD = Duration.ofHours(72);

    private static final TherapyGroup OCD = new TherapyGroup("ocd", "OCD", List.of(new Cohort("ocd-tue",
            DayOfWeek.TUESDAY, LocalTime.of(20, 0), Duration.ofMinutes(90), ZoneId.of("America/New_York"), 2, null)));

    @TempDir
    Path stateDir;

    private DrivenTopology topology;

    private TestOutputTopic<String, SpecificRecord> seats;

    private TestOutputTopic<String, SpecificRecord> confirmed;

    private TestOutputTopic<String, SpecificRecord> released;

    private TestOutputTopic<String, SpecificRecord> left;

    private TestOutputTopic<String, SpecificRecord> availability;

    private SignupSubmitted first;

    private SignupSubmitted second;

    private SignupSubmitted waiting;

    @BeforeEach
    void twoSeatsHeldAndOnePersonWaiting() {
        topology = new DrivenTopology(
                new EligibilityRules("test-rules", Set.of("FL", "NY", "NJ"), Map.of("ocd", OCD), HOLD), NOW, stateDir);
        seats = topology.events(TOPICS.seatsReserved());
        confirmed = topology.events(TOPICS.seatsConfirmed());
        released = topology.events(TOPICS.seatsReleased());
        left = topology.events(TOPICS.waitlistPlacesLeft());
        availability = topology.events(TOPICS.groupAvailability());
        first = Signups.submitted("first@example.org", "NY", "ocd");
        second = Signups.submitted("second@example.org", "FL", "ocd");
        waiting = Signups.submitted("waiting@example.org", "NJ", "ocd");
        topology.submit(first);
        topology.submit(second);
        topology.submit(waiting);
        seats.readRecordsToList();
        availability.readRecordsToList();
    }

    @AfterEach
    void closeDriver() {
        topology.close();
    }

    @Test
    void aSeatGivenIsHeldForTheWindowAndTheGroupsAvailabilitySaysSo() {
        SignupSubmitted late = Signups.submitted("late@example.org", "NY", "ocd");
        topology.close();
        topology = new DrivenTopology(
                new EligibilityRules("test-rules", Set.of("FL", "NY", "NJ"), Map.of("ocd", OCD), HOLD), NOW,
                stateDir.resolve("fresh"));
        seats = topology.events(TOPICS.seatsReserved());
        availability = topology.events(TOPICS.groupAvailability());

        topology.submit(late);

        SeatReserved seat = (SeatReserved) seats.readValue();
        assertThat(seat.getHoldExpiresAt()).isEqualTo(NOW.plus(HOLD));
        assertThat(seat.getFromWaitlist()).isFalse();
        TestRecord<String, SpecificRecord> record = availability.readRecord();
        assertThat(record.key()).isEqualTo("ocd");
        GroupAvailability ocd = (GroupAvailability) record.value();
        assertThat(ocd.getCohorts()).singleElement().satisfies(cohort -> {
            assertThat(cohort.getHeld()).isEqualTo(1);
            assertThat(cohort.getConfirmed()).isZero();
            assertThat(cohort.getFree()).isEqualTo(1);
        });
        assertThat(record.value().toString()).doesNotContain("late@example.org");
    }

    @Test
    void confirmingAHeldSeatPublishesTheConfirmationWithTheScheduleForTheEmail() {
        topology.request("ocd", request(SeatAction.CONFIRM, first.getSignupId()));

        TestRecord<String, SpecificRecord> record = confirmed.readRecord();
        assertThat(record.key()).isEqualTo(first.getSignupId().toString());
        SeatConfirmed seat = (SeatConfirmed) record.value();
        assertThat(seat.getSchedule().getCohortId()).isEqualTo("ocd-tue");
        assertThat(seat.getRecipient().getEmail()).isEqualTo("first@example.org");
        GroupAvailability ocd = (GroupAvailability) availability.readValue();
        assertThat(ocd.getCohorts().get(0).getConfirmed()).isEqualTo(1);
        assertThat(ocd.getCohorts().get(0).getHeld()).isEqualTo(1);
    }

    @Test
    void cancellingASeatReleasesItAndPromotesTheFirstInLineAsANewHold() {
        topology.request("ocd", request(SeatAction.CANCEL, second.getSignupId()));

        SeatReleased release = (SeatReleased) released.readValue();
        assertThat(release.getSignupId()).isEqualTo(second.getSignupId());
        assertThat(release.getReason()).isEqualTo(ReleaseReason.CANCELLED_BY_PERSON);
        SeatReserved promoted = (SeatReserved) seats.readValue();
        assertThat(promoted.getSignupId()).isEqualTo(waiting.getSignupId());
        assertThat(promoted.getFromWaitlist()).isTrue();
        assertThat(promoted.getSeatNumber()).isEqualTo(release.getSeatNumber());
        assertThat(promoted.getHoldExpiresAt()).isEqualTo(NOW.plus(HOLD));
        assertThat(promoted.getRecipient().getEmail()).isEqualTo("waiting@example.org");
        assertThat(((GroupAvailability) availability.readValue()).getWaitlistLength()).isZero();
    }

    @Test
    void aRequestDeliveredTwiceIsAppliedOnce() {
        SeatRequest cancel = request(SeatAction.CANCEL, first.getSignupId());

        topology.request("ocd", cancel);
        topology.request("ocd", cancel);

        assertThat(released.readRecordsToList()).hasSize(1);
        assertThat(seats.readRecordsToList()).hasSize(1);
    }

    @Test
    void cancellingAPlaceThatIsGoneChangesNothingAndPublishesNothing() {
        topology.request("ocd", request(SeatAction.CANCEL, first.getSignupId()));
        released.readRecordsToList();
        seats.readRecordsToList();
        availability.readRecordsToList();

        topology.request("ocd", request(SeatAction.CANCEL, first.getSignupId()));
        topology.request("ocd", request(SeatAction.CONFIRM, UUID.randomUUID()));

        assertThat(released.isEmpty() && seats.isEmpty() && confirmed.isEmpty() && availability.isEmpty()).isTrue();
    }

    @Test
    void leavingTheWaitlistIsPublishedAndGivesNoSeat() {
        topology.request("ocd", request(SeatAction.LEAVE_WAITLIST, waiting.getSignupId()));

        WaitlistPlaceLeft place = (WaitlistPlaceLeft) left.readValue();
        assertThat(place.getSignupId()).isEqualTo(waiting.getSignupId());
        assertThat(place.getReason()).isEqualTo(LeaveReason.LEFT_BY_PERSON);
        assertThat(seats.isEmpty()).isTrue();
    }

    @Test
    void holdsThatRunOutAreReleasedByTheWallClockAndTheSeatGoesToTheFirstInLine() {
        topology.request("ocd", request(SeatAction.CONFIRM, first.getSignupId()));

        topology.advanceWallClock(HOLD.minusMinutes(1));
        assertThat(released.isEmpty()).as("nothing released before the hold runs out").isTrue();
        topology.advanceWallClock(Duration.ofMinutes(1).plus(DrivenTopology.EXPIRY_CHECK));

        SeatReleased release = (SeatReleased) released.readValue();
        assertThat(release.getSignupId()).isEqualTo(second.getSignupId());
        assertThat(release.getReason()).isEqualTo(ReleaseReason.HOLD_EXPIRED);
        assertThat(released.isEmpty()).as("the confirmed seat stays").isTrue();
        SeatReserved promoted = (SeatReserved) seats.readValue();
        assertThat(promoted.getSignupId()).isEqualTo(waiting.getSignupId());
        assertThat(promoted.getHoldExpiresAt()).isAfter(NOW.plus(HOLD));
    }

    @Test
    void staffGrowingACapacityPromotesTheFirstInLineAndIsRecorded() {
        SeatRequest grow = request(SeatAction.CHANGE_CAPACITY, null);
        grow.setCohortId("ocd-tue");
        grow.setCapacity(3);
        grow.setRequestedBy(Requester.STAFF);
        grow.setStaffId("staff-7");

        topology.request("ocd", grow);

        CapacityChanged change = (CapacityChanged) topology.events(TOPICS.capacitiesChanged()).readValue();
        assertThat(change.getPreviousCapacity()).isEqualTo(2);
        assertThat(change.getCapacity()).isEqualTo(3);
        assertThat(change.getChangedBy()).isEqualTo("staff-7");
        assertThat(((SeatReserved) seats.readValue()).getSignupId()).isEqualTo(waiting.getSignupId());
    }

    @Test
    void aRequestKeyedByAnotherGroupOrNamingNoSignupIsDeadLetteredNotApplied() {
        var deadLetters = topology.raw(TOPICS.seatRequestsDeadLetter());

        topology.request("anxiety", request(SeatAction.CANCEL, first.getSignupId()));
        topology.request("ocd", request(SeatAction.CANCEL, null));
        SeatRequest capacityByAPerson = request(SeatAction.CHANGE_CAPACITY, null);
        capacityByAPerson.setCohortId("ocd-tue");
        capacityByAPerson.setCapacity(10);
        topology.request("ocd", capacityByAPerson);

        assertThat(deadLetters.readRecordsToList()).hasSize(3);
        assertThat(released.isEmpty() && seats.isEmpty()).isTrue();
    }

    private static SeatRequest request(SeatAction action, UUID signupId) {
        return SeatRequest.newBuilder()
            .setRequestId(UUID.randomUUID())
            .setGroupId("ocd")
            .setAction(action)
            .setSignupId(signupId)
            .setRequestedBy(Requester.PERSON)
            .setRequestedAt(NOW)
            .build();
    }

}
