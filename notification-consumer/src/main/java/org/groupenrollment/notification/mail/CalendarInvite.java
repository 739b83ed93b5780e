package org.groupenrollment.notification.mail;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.groupenrollment.notification.Outcome;

/**
 * An iCalendar file (RFC 5545) of a confirmed seat's weekly sessions: one event that
 * recurs every week, at the cohort's local time in its own time zone, so it stays at 6:30
 * PM in New York across the change to and from daylight saving time. The zone is
 * described in the file (VTIMEZONE, from the JDK's rules), as the standard asks, rather
 * than left for each calendar to guess. Its title and text name no group: calendar
 * reminders show on lock screens and shared calendars.
 */
final class CalendarInvite {

    static final String CONTENT_TYPE = "text/calendar; charset=UTF-8; method=PUBLISH";

    static final String FILE_NAME = "group-sessions.ics";

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT);

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
        .withZone(ZoneOffset.UTC);

    private static final String[] DAYS = { "MO", "TU", "WE", "TH", "FR", "SA", "SU" };

    private CalendarInvite() {
    }

    /**
     * The weekly sessions from the cohort's first session, or from the first meeting day
     * after the seat was confirmed when the catalog names none. The same seat always
     * gives the same file.
     */
    static byte[] weeklySessions(Outcome.SeatConfirmed seat, String uid, String summary, String description) {
        Outcome.Schedule schedule = seat.schedule();
        ZoneId zone = ZoneId.of(schedule.timeZone());
        LocalDate first = (schedule.firstSession() != null) ? schedule.firstSession()
                : seat.confirmedAt().atZone(zone).toLocalDate().with(TemporalAdjusters.next(schedule.day()));
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Group enrollment//Weekly sessions//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:PUBLISH");
        timeZone(ics, zone, first);
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:" + uid);
        line(ics, "DTSTAMP:" + UTC.format(seat.confirmedAt()));
        line(ics, "DTSTART;TZID=" + zone.getId() + ":" + LOCAL.format(first.atTime(schedule.start())));
        line(ics, "DURATION:PT" + schedule.durationMinutes() + "M");
        line(ics, "RRULE:FREQ=WEEKLY;BYDAY=" + DAYS[schedule.day().ordinal()]);
        line(ics, "SUMMARY:" + text(summary));
        line(ics, "DESCRIPTION:" + text(description));
        line(ics, "TRANSP:OPAQUE");
        line(ics, "END:VEVENT");
        line(ics, "END:VCALENDAR");
        return ics.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The zone's offsets as they stand on the first session: its yearly changes when it
     * has them, else its one offset.
     */
    private static void timeZone(StringBuilder ics, ZoneId zone, LocalDate first) {
        ZoneRules rules = zone.getRules();
        line(ics, "BEGIN:VTIMEZONE");
        line(ics, "TZID:" + zone.getId());
        if (rules.getTransitionRules().isEmpty()) {
            ZoneOffset offset = rules.getOffset(first.atStartOfDay());
            observance(ics, "STANDARD", LocalDateTime.of(1970, 1, 1, 0, 0), offset, offset, null);
        }
        for (ZoneOffsetTransitionRule rule : rules.getTransitionRules()) {
            boolean daylight = rule.getOffsetAfter().getTotalSeconds() > rule.getStandardOffset().getTotalSeconds();
            LocalDateTime wallClockBefore = rule.createTransition(1970).getDateTimeBefore();
            observance(ics, daylight ? "DAYLIGHT" : "STANDARD", wallClockBefore, rule.getOffsetBefore(),
                    rule.getOffsetAfter(), yearly(rule));
        }
        line(ics, "END:VTIMEZONE");
    }

    private static void observance(StringBuilder ics, String kind, LocalDateTime start, ZoneOffset from, ZoneOffset to,
            String rrule) {
        line(ics, "BEGIN:" + kind);
        line(ics, "DTSTART:" + LOCAL.format(start));
        line(ics, "TZOFFSETFROM:" + offset(from));
        line(ics, "TZOFFSETTO:" + offset(to));
        if (rrule != null) {
            line(ics, "RRULE:" + rrule);
        }
        line(ics, "END:" + kind);
    }

    /**
     * Java states a change as "the first Sunday on or after the 8th" (or on or before,
     * from the month's end); iCalendar as the Sunday among the month's days 8 to 14,
     * which says the same for every month length.
     */
    private static String yearly(ZoneOffsetTransitionRule rule) {
        String rrule = "FREQ=YEARLY;BYMONTH=" + rule.getMonth().getValue();
        int indicator = rule.getDayOfMonthIndicator();
        if (rule.getDayOfWeek() == null) {
            return rrule + ";BYMONTHDAY=" + indicator;
        }
        String days = (indicator > 0)
                ? IntStream.range(indicator, indicator + 7).mapToObj(Integer::toString).collect(Collectors.joining(","))
                : IntStream.range(0, 7)
                    .mapToObj(back -> Integer.toString(indicator - back))
                    .collect(Collectors.joining(","));
        return rrule + ";BYDAY=" + DAYS[rule.getDayOfWeek().ordinal()] + ";BYMONTHDAY=" + days;
    }

    private static String offset(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        int minutes = Math.abs(seconds) / 60;
        return String.format(Locale.ROOT, "%s%02d%02d", seconds < 0 ? "-" : "+", minutes / 60, minutes % 60);
    }

    /** TEXT values escape backslashes, semicolons, commas and line breaks. */
    private static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }

    /**
     * Lines end in CRLF and are folded at 75 octets, continuing with a space, never
     * splitting a UTF-8 character.
     */
    private static void line(StringBuilder ics, String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); i = content.offsetByCodePoints(i, 1)) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                ics.append("\r\n ");
                octets = 1;
            }
            ics.appendCodePoint(codePoint);
            octets += size;
        }
        ics.append("\r\n");
    }

}
