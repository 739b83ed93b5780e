package org.groupenrollment.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** One event of each kind, named for the situation it stands for. */
final class EventFixtures {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private EventFixtures() {
    }

    static SignupSubmitted newYorkResidentAskingForAnxiety() {
        return SignupSubmitted.newBuilder()
            .setSignupId(UUID.randomUUID())
            .setSubmittedAt(NOW)
            .setApplicant(Applicant.newBuilder()
                .setFirstName("Maya")
                .setLastName("Lindqvist")
                .setEmail("maya@example.org")
                .setPhone("+1 212 555 0100")
                .build())
            .setStateOfResidence("NY")
            .setRequestedGroup("anxiety")
            .setIdempotencyKey("5b1f2c8e-form-retry")
            .setSource(SignupSource.WEB_FORM)
            .build();
    }

    static SeatReserved seatReservedInAnxiety() {
        return SeatReserved.newBuilder()
            .setSignupId(UUID.randomUUID())
            .setGroupId("anxiety")
            .setGroupName("Anxiety")
            .setSchedule(tuesdayEveningCohort())
            .setSeatNumber(3)
            .setSeatsLeft(9)
            .setReservedAt(NOW)
            .setRuleVersion("2026-11-01")
            .setRecipient(maya())
            .build();
    }

    static SignupWaitlisted waitlistedForFullGriefGroup() {
        return SignupWaitlisted.newBuilder()
            .setSignupId(UUID.randomUUID())
            .setGroupId("grief-and-loss")
            .setGroupName("Grief and loss")
            .setWaitlistPosition(1)
            .setWaitlistedAt(NOW)
            .setRuleVersion("2026-11-01")
            .setRecipient(maya())
            .build();
    }

    static RedirectedToDbt texasResidentRedirected() {
        return RedirectedToDbt.newBuilder()
            .setSignupId(UUID.randomUUID())
            .setRequestedGroupName("Depression")
            .setReason(RedirectReason.OUT_OF_LICENSED_STATE)
            .setStateOfResidence("TX")
            .setLicensedStates(List.of("FL", "NJ", "NY"))
            .setRedirectedAt(NOW)
            .setRuleVersion("2026-11-01")
            .setRecipient(maya())
            .build();
    }

    private static WeeklySchedule tuesdayEveningCohort() {
        return WeeklySchedule.newBuilder()
            .setCohortId("anxiety-c1")
            .setDayOfWeek(MeetingDay.TUESDAY)
            .setStartTime(LocalTime.of(18, 30))
            .setDurationMinutes(90)
            .setTimeZone("America/New_York")
            .setFirstSession(LocalDate.of(2026, 12, 1))
            .build();
    }

    private static Recipient maya() {
        return Recipient.newBuilder().setFirstName("Maya").setEmail("maya@example.org").build();
    }

}
