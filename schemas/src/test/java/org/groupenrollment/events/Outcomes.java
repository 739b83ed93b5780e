package org.groupenrollment.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * One outcome event of each kind, as the processor publishes them, named for the
 * situation.
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
