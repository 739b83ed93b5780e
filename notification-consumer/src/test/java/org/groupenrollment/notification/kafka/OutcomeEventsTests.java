package org.groupenrollment.notification.kafka;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;

import org.groupenrollment.events.LeaveReason;
import org.groupenrollment.events.MeetingDay;
import org.groupenrollment.events.Outcomes;
import org.groupenrollment.events.RedirectedToDbt;
import org.groupenrollment.events.ReleaseReason;
import org.groupenrollment.events.SeatConfirmed;
import org.groupenrollment.events.SeatReleased;
import org.groupenrollment.events.SeatReserved;
import org.groupenrollment.events.SignupWaitlisted;
import org.groupenrollment.events.WaitlistPlaceLeft;
import org.groupenrollment.notification.Outcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The edge where the processor's events become the notifier's outcomes. */
class OutcomeEventsTests {

    @Test
    void aSeatEventCarriesWhoToEmailAndTheWeeklySchedule() {
        SeatReserved event = Outcomes.seatInTuesdayAnxietyGroup("sam@example.org");

        Outcome.SeatReserved seat = OutcomeEvents.toOutcome(event);

        assertThat(seat.signupId()).isEqualTo(event.getSignupId());
        assertThat(seat.to()).isEqualTo(new Outcome.Recipient("Sam", "sam@example.org"));
        assertThat(seat.groupName()).isEqualTo("Anxiety");
        assertThat(seat.seatNumber()).isEqualTo(4);
        assertThat(seat.schedule()).isEqualTo(new Outcome.Schedule(DayOfWeek.TUESDAY, LocalTime.of(18, 30),
                "America/New_York", 90, LocalDate.of(2026, 12, 1)));
        assertThat(seat.notificationId()).isEqualTo("seat-reserved." + event.getSignupId());
    }

    @Test
    void aWaitlistEventCarriesThePosition() {
        SignupWaitlisted event = Outcomes.thirdOnTheGriefWaitlist("sam@example.org");

        Outcome.Waitlisted waitlisted = OutcomeEvents.toOutcome(event);

        assertThat(waitlisted.position()).isEqualTo(3);
        assertThat(waitlisted.groupName()).isEqualTo("Grief and loss");
        assertThat(waitlisted.notificationId()).isEqualTo("waitlisted." + event.getSignupId());
    }

    @Test
    void aRedirectEventCarriesTheStateAndTheLicensedStates() {
        RedirectedToDbt event = Outcomes.texanAskingForDepression("sam@example.org");

        Outcome.RedirectedToDbt redirect = OutcomeEvents.toOutcome(event);

        assertThat(redirect.stateOfResidence()).isEqualTo("TX");
        assertThat(redirect.licensedStates()).containsExactly("FL", "NJ", "NY");
        assertThat(redirect.requestedGroupName()).isEqualTo("Depression");
        assertThat(redirect.notificationId()).isEqualTo("redirected-to-dbt." + event.getSignupId());
    }

    @Test
    void aSeatThatOpenedFromTheWaitlistCarriesItsHoldAndIsItsOwnKindOfEmail() {
        SeatReserved event = Outcomes.seatHeldForThreeDaysAfterTheWaitlist("sam@example.org");

        Outcome.SeatReserved seat = OutcomeEvents.toOutcome(event);

        assertThat(seat.holdExpiresAt()).isEqualTo(event.getHoldExpiresAt());
        assertThat(seat.fromWaitlist()).isTrue();
        assertThat(seat.notificationId()).isEqualTo("seat-opened." + event.getSignupId());
    }

    @Test
    void aConfirmationCarriesTheScheduleForItsCalendarFile() {
        SeatConfirmed event = Outcomes.tuesdayAnxietySeatConfirmed("sam@example.org");

        Outcome.SeatConfirmed confirmed = OutcomeEvents.toOutcome(event);

        assertThat(confirmed.schedule().day()).isEqualTo(DayOfWeek.TUESDAY);
        assertThat(confirmed.confirmedAt()).isEqualTo(event.getConfirmedAt());
        assertThat(confirmed.notificationId()).isEqualTo("seat-confirmed." + event.getSignupId());
    }

    @Test
    void aReleaseAndALeftWaitlistPlaceCarryTheirReasons() {
        SeatReleased released = Outcomes.tuesdayAnxietyHoldExpired("sam@example.org");
        WaitlistPlaceLeft left = Outcomes.leftTheGriefWaitlist("sam@example.org");
        left.setReason(LeaveReason.REMOVED_BY_STAFF);

        assertThat(OutcomeEvents.toOutcome(released).reason()).isEqualTo(Outcome.ReleaseReason.HOLD_EXPIRED);
        assertThat(OutcomeEvents.toOutcome(left).byStaff()).isTrue();
    }

    @Test
    void aReasonThisReaderDoesNotKnowIsRefusedRatherThanExplainedWrongly() {
        SeatReleased released = Outcomes.tuesdayAnxietyHoldExpired("sam@example.org");
        released.setReason(ReleaseReason.UNKNOWN);
        WaitlistPlaceLeft left = Outcomes.leftTheGriefWaitlist("sam@example.org");
        left.setReason(LeaveReason.UNKNOWN);

        assertThatThrownBy(() -> OutcomeEvents.toOutcome(released)).isInstanceOf(UnusableOutcomeException.class);
        assertThatThrownBy(() -> OutcomeEvents.toOutcome(left)).isInstanceOf(UnusableOutcomeException.class);
    }

    @Test
    void aMeetingDayThisReaderDoesNotKnowIsRefusedRatherThanEmailed() {
        SeatReserved event = Outcomes.seatInTuesdayAnxietyGroup("sam@example.org");
        event.getSchedule().setDayOfWeek(MeetingDay.UNKNOWN);

        assertThatThrownBy(() -> OutcomeEvents.toOutcome(event)).isInstanceOf(UnusableOutcomeException.class)
            .hasMessageContaining("anxiety-tue");
    }

}
