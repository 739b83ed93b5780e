package org.groupenrollment.notification.mail;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.groupenrollment.events.links.PlaceLinks;
import org.groupenrollment.notification.Email;
import org.groupenrollment.notification.EmailComposer;
import org.groupenrollment.notification.NotificationSettings;
import org.groupenrollment.notification.Outcome;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders each outcome into an HTML and a plain-text part from the templates in
 * {@code src/main/resources/mail}, named after the outcome's kind. Every email about a
 * place carries one signed link to its "your place" page; a confirmation carries the
 * weekly sessions as a calendar file.
 */
final class ThymeleafEmailComposer implements EmailComposer {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
        .withLocale(Locale.US);

    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("EEEE, MMMM d 'at' h:mm a",
            Locale.US);

    private final TemplateEngine engine = new TemplateEngine();

    private final NotificationSettings settings;

    private final PlaceLinks links;

    private final PlaceLinks erasureLinks;

    private final Clock clock;

    ThymeleafEmailComposer(NotificationSettings settings, PlaceLinks links, PlaceLinks erasureLinks, Clock clock) {
        this.settings = settings;
        this.links = links;
        this.erasureLinks = erasureLinks;
        this.clock = clock;
        engine.addTemplateResolver(resolver(".html", TemplateMode.HTML, 1));
        engine.addTemplateResolver(resolver(".txt", TemplateMode.TEXT, 2));
    }

    @Override
    public Email seatReserved(Outcome.SeatReserved seat) {
        Map<String, Object> variables = schedule(seat.schedule());
        variables.put("groupName", seat.groupName());
        variables.put("seatNumber", seat.seatNumber());
        variables.put("held", seat.holdExpiresAt() != null);
        variables.put("confirmBy", seat.holdExpiresAt() == null ? "" : deadline(seat.holdExpiresAt(), seat.schedule()));
        String subject = seat.fromWaitlist() ? "A seat opened for you"
                : (seat.holdExpiresAt() != null) ? "Please confirm your group place" : "Your group place is confirmed";
        return compose(seat, subject, variables);
    }

    @Override
    public Email waitlisted(Outcome.Waitlisted waitlisted) {
        return compose(waitlisted, "You are on the waitlist for your group",
                variables("groupName", waitlisted.groupName(), "position", waitlisted.position()));
    }

    @Override
    public Email redirectedToDbt(Outcome.RedirectedToDbt redirect) {
        NotificationSettings.DbtSkillsGroup dbt = settings.dbtSkillsGroup();
        return compose(redirect, "An online skills course we can offer you",
                variables("requestedGroupName", redirect.requestedGroupName(), "state", redirect.stateOfResidence(),
                        "licensedStates", String.join(", ", redirect.licensedStates()), "dbtName", dbt.name(),
                        "dbtJoinUrl", dbt.joinUrl(), "dbtSchedule", dbt.schedule()));
    }

    @Override
    public Email seatConfirmed(Outcome.SeatConfirmed confirmed) {
        Map<String, Object> variables = schedule(confirmed.schedule());
        variables.put("groupName", confirmed.groupName());
        variables.put("seatNumber", confirmed.seatNumber());
        Email email = compose(confirmed, "Your group place is confirmed", variables);
        byte[] invite = CalendarInvite.weeklySessions(confirmed,
                confirmed.notificationId() + "@" + settings.messageIdDomain(), "Weekly group session",
                "Your therapist sends the link to the online room before the first session.");
        return new Email(email.to(), email.subject(), email.html(), email.text(), email.messageId(),
                List.of(new Email.Attachment(CalendarInvite.FILE_NAME, CalendarInvite.CONTENT_TYPE, invite)));
    }

    @Override
    public Email seatReleased(Outcome.SeatReleased released) {
        String subject = switch (released.reason()) {
            case HOLD_EXPIRED -> "Your held seat was released";
            case CANCELLED_BY_STAFF -> "Your group place was cancelled";
            case CANCELLED_BY_PERSON -> "Your group place is cancelled";
        };
        return compose(released, subject,
                variables("groupName", released.groupName(), "reason", released.reason().name()));
    }

    @Override
    public Email waitlistPlaceLeft(Outcome.WaitlistPlaceLeft left) {
        return compose(left, left.byStaff() ? "You were taken off the waitlist" : "You have left the waitlist",
                variables("groupName", left.groupName(), "byStaff", left.byStaff()));
    }

    private Email compose(Outcome outcome, String subject, Map<String, Object> variables) {
        variables.put("firstName", outcome.to().firstName());
        if (outcome.isAboutAPlace()) {
            variables.put("placeUrl", link(PlaceLinks.PATH, links, outcome));
        }
        variables.put("erasureUrl", link(PlaceLinks.ERASURE_PATH, erasureLinks, outcome));
        Context context = new Context(Locale.US, variables);
        return new Email(outcome.to().email(), subject, engine.process(outcome.kind() + ".html", context),
                engine.process(outcome.kind() + ".txt", context),
                "<" + outcome.notificationId() + "@" + settings.messageIdDomain() + ">");
    }

    private String link(String path, PlaceLinks signer, Outcome outcome) {
        NotificationSettings.PlaceLinks placeLinks = settings.placeLinks();
        return placeLinks.baseUrl() + path + signer.token(outcome.signupId(), clock.instant(), placeLinks.validFor());
    }

    private static Map<String, Object> schedule(Outcome.Schedule schedule) {
        return variables("day", capitalized(schedule.day().name()), "startTime", TIME.format(schedule.start()),
                "timeZone", schedule.timeZone(), "durationMinutes", schedule.durationMinutes(), "firstSession",
                schedule.firstSession() == null ? "" : DATE.format(schedule.firstSession()));
    }

    /** When a hold runs out, in the cohort's own time zone. */
    private static String deadline(Instant at, Outcome.Schedule schedule) {
        return DEADLINE.format(at.atZone(ZoneId.of(schedule.timeZone()))) + " (" + schedule.timeZone() + ")";
    }

    private static Map<String, Object> variables(Object... namesAndValues) {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return variables;
    }

    private static ClassLoaderTemplateResolver resolver(String suffix, TemplateMode mode, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of("*" + suffix));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }

    private static String capitalized(String day) {
        return day.charAt(0) + day.substring(1).toLowerCase(Locale.ROOT);
    }

}
