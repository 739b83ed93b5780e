package org.groupenrollment.notification.mail;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.ICalTimeZone;
import biweekly.util.com.google.ical.compat.javautil.DateIterator;
import org.groupenrollment.notification.Outcome;
import org.groupenrollment.notification.Outcomes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calendar file of a confirmed seat, read back by an independent iCalendar library
 * (biweekly) using only the time zone the file describes: every week's session must fall
 * at the cohort's local time, across daylight saving changes, for a year and more.
 */
class CalendarInviteTests {

    private static final int WEEKS = 70;

    @ParameterizedTest
    @ValueSource(strings = { "America/New_York", "America/Phoenix", "Europe/London", "Australia/Sydney", "Asia/Kolkata",
            "America/Santiago" })
    void everyWeeksSessionFallsAtTheCohortsLocalTimeInItsOwnZone(String timeZone) {
        ZoneId zone = ZoneId.of(timeZone);
        LocalDate first = LocalDate.of(2027, 1, 5);
        Outcome.SeatConfirmed seat = confirmed(timeZone, first);

        ICalendar calendar = Biweekly.parse(ics(seat)).first();

        ICalTimeZone described = new ICalTimeZone(calendar.getTimezoneInfo().getComponents().iterator().next());
        VEvent event = calendar.getEvents().get(0);
        List<Instant> sessions = new ArrayList<>();
        DateIterator dates = event.getDateIterator(described);
        while (dates.hasNext() && sessions.size() < WEEKS) {
            Date date = dates.next();
            sessions.add(date.toInstant());
        }
        List<Instant> expected = new ArrayList<>();
        for (int week = 0; week < WEEKS; week++) {
            expected.add(first.plusWeeks(week).atTime(LocalTime.of(18, 30)).atZone(zone).toInstant());
        }
        assertThat(sessions).isEqualTo(expected);
        assertThat(event.getDuration().getValue().toMillis()).isEqualTo(90 * 60_000L);
    }

    @Test
    void withoutAFirstSessionTheSeriesStartsOnTheFirstMeetingDayAfterTheConfirmation() {
        Outcome.SeatConfirmed seat = confirmed("America/New_York", null);

        ICalendar calendar = Biweekly.parse(ics(seat)).first();

        assertThat(calendar.getEvents().get(0).getDateStart().getValue().getRawComponents().toString())
            .startsWith("20261208T183000");
    }

    @Test
    void theFileFollowsTheStandardsLineRulesAndNamesNoGroup() {
        Outcome.SeatConfirmed seat = confirmed("America/New_York", LocalDate.of(2027, 1, 5));

        String ics = ics(seat);

        assertThat(ics).endsWith("\r\n").doesNotContainPattern("[^\r]\n");
        assertThat(ics.split("\r\n")).allSatisfy(
                line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75));
        assertThat(ics.toLowerCase(java.util.Locale.ROOT)).doesNotContain("anxiety");
        assertThat(Biweekly.parse(ics).first().getEvents().get(0).getSummary().getValue())
            .isEqualTo("Weekly group session");
    }

    @Test
    void theSameSeatAlwaysGivesTheSameFile() {
        Outcome.SeatConfirmed seat = confirmed("Europe/London", null);

        assertThat(ics(seat)).isEqualTo(ics(seat));
    }

    private static Outcome.SeatConfirmed confirmed(String timeZone, LocalDate firstSession) {
        return new Outcome.SeatConfirmed(UUID.randomUUID(), new Outcome.Recipient("Sam", "sam@example.org"), "Anxiety",
                new Outcome.Schedule(DayOfWeek.TUESDAY, LocalTime.of(18, 30), timeZone, 90, firstSession), 4,
                Outcomes.MONDAY_NOON);
    }

    private static String ics(Outcome.SeatConfirmed seat) {
        return new String(CalendarInvite.weeklySessions(seat, "uid-" + seat.signupId(), "Weekly group session",
                "A long description, with commas; semicolons and a line break\nto escape, long enough to be folded."),
                StandardCharsets.UTF_8);
    }

}
