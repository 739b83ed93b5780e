package org.groupenrollment.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * One event of each kind, as the processor publishes them (and one request, as the "your
 * place" page and the staff console send them), named for the situation.
 */
public final class Outcomes {

    private Outcomes() {
    }

    public static SeatReserved seatInTuesdayAnxietyGroup(String email) {
        return SeatReserved.newBuilder()
            .setSignupId(UUID.randomUUID())
            .setGroupId("anxiety")
            .setGroupName("Anxiety")
            .setSchedule(tuesdayEveningCohort())
            .setSeatNumber(4)
            .setSeatsLeft(8)
            .setReservedAt(now())
            .setRuleVersion("2026-11-01")
            .setRecipient(recipient(email))
            .build();
    }

    public static SignupWaitlisted thirdOnTheGriefWaitlist(String email) {
        return SignupWaitlisted.newBuilder()
            .setSignupId(UUID.randomUUID())
            .setGroupId("grief-and-loss")
            .setGroupName("Grief and loss")
            .setWaitlistPosition(3)
            .setWaitlistedAt(now())
            .setRuleVersion("2026-11-01")
            .setRecipient(recipient(email))
            .build();
    }

    public static RedirectedToDbt texanAskingForDepression(String email) {
        return RedirectedToDbt.newBuilder()
            .setSignupId(UUID.randomUUID())
            .setRequestedGroupName("Depression")
            .setReason(RedirectReason.OUT_OF_LICENSED_STATE)
            .setStateOfResidence("TX")
            .setLicensedStates(List.of("FL", "NJ", "NY"))
            .setRedirectedAt(now())
            .setRuleVersion("2026-11-01")
            .setRecipient(recipient(email))
            .build();
    }

    public static SeatReserved seatHeldForThreeDaysAfterTheWaitlist(String email) {
        SeatReserved seat = seatInTuesdayAnxietyGroup(email);
        seat.setHoldExpiresAt(seat.getReservedAt().plus(72, ChronoUnit.HOURS));
        seat.setFromWaitlist(true);
        return seat;
    }

    public static SeatConfirmed tuesdayAnxietySeatConfirmed(String email) {
        return SeatConfirmed.newBuilder()
            .setSignupId(UUID.randomUUID())
            .setGroupId("anxiety")
            .setGroupName("Anxiety")
            .setSchedule(tuesdayEveningCohort())
            .setSeatNumber(4)
            .setConfirmedAt(now())
            .setRecipient(recipient(email))
            .build();
    }

    public static SeatReleased tuesdayAnxietyHoldExpired(String email) {
        return SeatReleased.newBuilder()
            .setSignupId(UUID.randomUUID())
            .setGroupId("anxiety")
            .setGroupName("Anxiety")
            .setCohortId("anxiety-tue")
            .setSeatNumber(4)
            .setReason(ReleaseReason.HOLD_EXPIRED)
            .setReleasedAt(now())
            .setRecipient(recipient(email))
            .build();
    }

    public static WaitlistPlaceLeft leftTheGriefWaitlist(String email) {
        return WaitlistPlaceLeft.newBuilder()
            .setSignupId(UUID.randomUUID())
            .setGroupId("grief-and-loss")
            .setGroupName("Grief and loss")
            .setReason(LeaveReason.LEFT_BY_PERSON)
            .setLeftAt(now())
            .setRecipient(recipient(email))
            .build();
    }

    public static CapacityChanged tuesdayAnxietyGrewToFourteen() {
        return CapacityChanged.newBuilder()
            .setRequestId(UUID.randomUUID())
            .setGroupId("anxiety")
            .setCohortId("anxiety-tue")
            .setPreviousCapacity(12)
            .setCapacity(14)
            .setChangedBy("staff-7")
            .setChangedAt(now())
            .build();
    }

    public static GroupAvailability anxietyWithThreeSeatsLeft() {
        return GroupAvailability.newBuilder()
            .setGroupId("anxiety")
            .setCohorts(List.of(
                    CohortAvailability.newBuilder()
                        .setCohortId("anxiety-tue")
                        .setCapacity(12)
                        .setHeld(2)
                        .setConfirmed(10)
                        .setFree(0)
                        .build(),
                    CohortAvailability.newBuilder()
                        .setCohortId("anxiety-sat")
                        .setCapacity(12)
                        .setHeld(1)
                        .setConfirmed(8)
                        .setFree(3)
                        .build()))
            .setWaitlistLength(0)
            .setAsOf(now())
            .build();
    }

    public static PlaceStatus heldTuesdayAnxietySeat() {
        return PlaceStatus.newBuilder()
            .setSignupId(UUID.randomUUID())
            .setGroupId("anxiety")
            .setState(PlaceState.HELD)
            .setCohortId("anxiety-tue")
            .setSeatNumber(4)
            .setHoldExpiresAt(now().plus(72, ChronoUnit.HOURS))
            .setChangedAt(now())
            .build();
    }

    public static PlaceStatus fifthOnTheGriefWaitlist() {
        return PlaceStatus.newBuilder()
            .setSignupId(UUID.randomUUID())
            .setGroupId("grief-and-loss")
            .setState(PlaceState.WAITLISTED)
            .setWaitlistTicket(17L)
            .setChangedAt(now())
            .build();
    }

    public static SeatRequest personConfirmsTheirSeat(UUID signupId) {
        return SeatRequest.newBuilder()
            .setRequestId(UUID.randomUUID())
            .setGroupId("anxiety")
            .setAction(SeatAction.CONFIRM)
            .setSignupId(signupId)
            .setRequestedBy(Requester.PERSON)
            .setRequestedAt(now())
            .build();
    }

    private static WeeklySchedule tuesdayEveningCohort() {
        return WeeklySchedule.newBuilder()
            .setCohortId("anxiety-tue")
            .setDayOfWeek(MeetingDay.TUESDAY)
            .setStartTime(LocalTime.of(18, 30))
            .setDurationMinutes(90)
            .setTimeZone("America/New_York")
            .setFirstSession(LocalDate.of(2026, 12, 1))
            .build();
    }

    private static Recipient recipient(String email) {
        return Recipient.newBuilder().setFirstName("Sam").setEmail(email).build();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

}
