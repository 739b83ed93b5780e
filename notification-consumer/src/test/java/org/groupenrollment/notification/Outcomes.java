package org.groupenrollment.notification;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * Outcomes as the notifier receives them, named for the situation, and the settings of a
 * test deployment.
 */
public final class Outcomes {

    private Outcomes() {
    }

    public static Outcome.SeatReserved seatInTuesdayAnxietyGroup(String email) {
        return new Outcome.SeatReserved(UUID.randomUUID(), sam(email), "Anxiety", new Outcome.Schedule(
                DayOfWeek.TUESDAY, LocalTime.of(18, 30), "America/New_York", 90, LocalDate.of(2026, 12, 1)), 4);
    }

    public static Outcome.Waitlisted thirdOnTheGriefWaitlist(String email) {
        return new Outcome.Waitlisted(UUID.randomUUID(), sam(email), "Grief and loss", 3);
    }

    public static Outcome.RedirectedToDbt texanAskingForDepression(String email) {
        return new Outcome.RedirectedToDbt(UUID.randomUUID(), sam(email), "Depression", "TX",
                List.of("FL", "NJ", "NY"));
    }

    public static NotificationSettings settings() {
        return new NotificationSettings("Groups <groups@enrollment.example>", "notifications.test",
                new NotificationSettings.DbtSkillsGroup("DBT skills group", "https://enrollment.example/dbt",
                        "every Thursday"));
    }

    private static Outcome.Recipient sam(String email) {
        return new Outcome.Recipient("Sam", email);
    }

}
