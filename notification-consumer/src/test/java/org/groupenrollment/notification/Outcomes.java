package org.groupenrollment.notification;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.groupenrollment.events.config.EnrollmentSecrets;
import org.groupenrollment.events.config.HmacKeys;

/**
 * Outcomes as the notifier receives them, named for the situation, and the settings of a
 * test deployment.
 */
public final class Outcomes {

    /** Monday 7 December 2026, noon in New York. */
    public static final Instant MONDAY_NOON = Instant.parse("2026-12-07T17:00:00Z");

    public static final String SIGNUP_SERVICE = "https://groups.enrollment.example";

    private Outcomes() {
    }

    public static Outcome.SeatReserved seatInTuesdayAnxietyGroup(String email) {
        return new Outcome.SeatReserved(UUID.randomUUID(), sam(email), "Anxiety", tuesdayEvenings(), 4, null, false);
    }

    /** Held on Monday at noon, for three days: until Thursday noon in New York. */
    public static Outcome.SeatReserved seatHeldInTuesdayAnxietyGroup(String email) {
        return new Outcome.SeatReserved(UUID.randomUUID(), sam(email), "Anxiety", tuesdayEvenings(), 4,
                MONDAY_NOON.plus(Duration.ofHours(72)), false);
    }

    public static Outcome.SeatReserved seatOpenedFromTheWaitlist(String email) {
        return new Outcome.SeatReserved(UUID.randomUUID(), sam(email), "Anxiety", tuesdayEvenings(), 2,
                MONDAY_NOON.plus(Duration.ofHours(72)), true);
    }

    public static Outcome.SeatConfirmed tuesdayAnxietySeatConfirmed(String email) {
        return new Outcome.SeatConfirmed(UUID.randomUUID(), sam(email), "Anxiety", tuesdayEvenings(), 4, MONDAY_NOON);
    }

    public static Outcome.SeatReleased anxietySeatReleased(String email, Outcome.ReleaseReason reason) {
        return new Outcome.SeatReleased(UUID.randomUUID(), sam(email), "Anxiety", reason);
    }

    public static Outcome.WaitlistPlaceLeft leftTheGriefWaitlist(String email) {
        return new Outcome.WaitlistPlaceLeft(UUID.randomUUID(), sam(email), "Grief and loss", false);
    }

    public static Outcome.Waitlisted thirdOnTheGriefWaitlist(String email) {
        return new Outcome.Waitlisted(UUID.randomUUID(), sam(email), "Grief and loss", 3);
    }

    public static Outcome.RedirectedToDbt texanAskingForDepression(String email) {
        return new Outcome.RedirectedToDbt(UUID.randomUUID(), sam(email), "Depression", "TX",
                List.of("FL", "NJ", "NY"));
    }

    /** Every kind of email there is. */
    public static List<Outcome> oneOfEachKind(String email) {
        return List.of(seatInTuesdayAnxietyGroup(email), seatHeldInTuesdayAnxietyGroup(email),
                seatOpenedFromTheWaitlist(email), tuesdayAnxietySeatConfirmed(email),
                anxietySeatReleased(email, Outcome.ReleaseReason.HOLD_EXPIRED),
                anxietySeatReleased(email, Outcome.ReleaseReason.CANCELLED_BY_PERSON),
                anxietySeatReleased(email, Outcome.ReleaseReason.CANCELLED_BY_STAFF), leftTheGriefWaitlist(email),
                thirdOnTheGriefWaitlist(email), texanAskingForDepression(email));
    }

    public static NotificationSettings settings() {
        return new NotificationSettings("Groups <groups@enrollment.example>", "notifications.test",
                new NotificationSettings.DbtSkillsGroup("DBT skills group", "https://enrollment.example/dbt",
                        "every Thursday"),
                new NotificationSettings.PlaceLinks(SIGNUP_SERVICE, Duration.ofDays(180)));
    }

    /** The secret the tests' links are signed with. */
    public static HmacKeys keys() {
        return HmacKeys.from(
                new EnrollmentSecrets(Base64.getEncoder().encodeToString("notifier-test-secret-32-bytes-ok".getBytes()),
                        List.of()),
                null, true);
    }

    private static Outcome.Schedule tuesdayEvenings() {
        return new Outcome.Schedule(DayOfWeek.TUESDAY, LocalTime.of(18, 30), "America/New_York", 90,
                LocalDate.of(2026, 12, 1));
    }

    private static Outcome.Recipient sam(String email) {
        return new Outcome.Recipient("Sam", email);
    }

}
