package org.groupenrollment.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.groupenrollment.events.MeetingDay;
import org.groupenrollment.events.Recipient;
import org.groupenrollment.events.RedirectReason;
import org.groupenrollment.events.RedirectedToDbt;
import org.groupenrollment.events.SeatReserved;
import org.groupenrollment.events.SignupWaitlisted;
import org.groupenrollment.events.WeeklySchedule;

/** Outcome events named for the email they should produce. */
public final class Outcomes {

    private Outcomes() {
    }

    public static SeatReserved seatInTuesdayAnxietyGroup(String email) {
        return SeatReserved.newBuilder()
            .setSignupId(UUID.randomUUID())
            .setGroupId("anxiety")
            .setGroupName("Anxiety")
            .setSchedule(WeeklySchedule.newBuilder()
                .setCohortId("anxiety-tue")
                .setDayOfWeek(MeetingDay.TUESDAY)
                .setStartTime(LocalTime.of(18, 30))
                .setDurationMinutes(90)
                .setTimeZone("America/New_York")
                .setFirstSession(LocalDate.of(2026, 12, 1))
                .build())
            .setSeatNumber(4)
            .setSeatsLeft(8)
            .setReservedAt(Instant.now())
            .setRuleVersion("test")
            .setRecipient(recipient(email))
            .build();
    }

    public static SignupWaitlisted thirdOnTheGriefWaitlist(String email) {
        return SignupWaitlisted.newBuilder()
            .setSignupId(UUID.randomUUID())
            .setGroupId("grief-and-loss")
            .setGroupName("Grief and loss")
            .setWaitlistPosition(3)
            .setWaitlistedAt(Instant.now())
            .setRuleVersion("test")
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
            .setRedirectedAt(Instant.now())
            .setRuleVersion("test")
            .setRecipient(recipient(email))
            .build();
    }

    public static NotificationSettings settings() {
        return new NotificationSettings("Groups <groups@enrollment.example>", "notifications.test",
                new NotificationSettings.DbtSkillsGroup("DBT skills group", "https://enrollment.example/dbt",
                        "every Thursday"));
    }

    private static Recipient recipient(String email) {
        return Recipient.newBuilder().setFirstName("Sam").setEmail(email).build();
    }

}
