package org.groupenrollment.notification;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;

import org.groupenrollment.events.RedirectedToDbt;
import org.groupenrollment.events.SeatReserved;
import org.groupenrollment.events.SignupWaitlisted;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders each outcome into an HTML and a plain-text part from the templates in
 * {@code src/main/resources/mail}. Subject lines name no group: an inbox preview or a
 * shared screen must not reveal a condition.
 */
public final class EmailComposer {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
        .withLocale(Locale.US);

    private final TemplateEngine engine = new TemplateEngine();

    private final NotificationSettings settings;

    public EmailComposer(NotificationSettings settings) {
        this.settings = settings;
        engine.addTemplateResolver(resolver(".html", TemplateMode.HTML, 1));
        engine.addTemplateResolver(resolver(".txt", TemplateMode.TEXT, 2));
    }

    public Email seatReserved(SeatReserved seat) {
        var schedule = seat.getSchedule();
        return compose("seat-reserved", "Your group place is confirmed", seat.getRecipient().getEmail(),
                NotificationIds.of(seat),
                Map.of("firstName", seat.getRecipient().getFirstName(), "groupName", seat.getGroupName(), "day",
                        capitalized(schedule.getDayOfWeek().name()), "startTime", TIME.format(schedule.getStartTime()),
                        "timeZone", schedule.getTimeZone(), "durationMinutes", schedule.getDurationMinutes(),
                        "firstSession",
                        schedule.getFirstSession() == null ? "" : DATE.format(schedule.getFirstSession()), "seatNumber",
                        seat.getSeatNumber()));
    }

    public Email waitlisted(SignupWaitlisted waitlisted) {
        return compose("waitlisted", "You are on the waitlist for your group", waitlisted.getRecipient().getEmail(),
                NotificationIds.of(waitlisted), Map.of("firstName", waitlisted.getRecipient().getFirstName(),
                        "groupName", waitlisted.getGroupName(), "position", waitlisted.getWaitlistPosition()));
    }

    public Email redirected(RedirectedToDbt redirect) {
        var dbt = settings.dbtSkillsGroup();
        return compose("redirected-to-dbt", "An online skills course we can offer you",
                redirect.getRecipient().getEmail(), NotificationIds.of(redirect),
                Map.of("firstName", redirect.getRecipient().getFirstName(), "requestedGroupName",
                        redirect.getRequestedGroupName(), "state", redirect.getStateOfResidence(), "licensedStates",
                        String.join(", ", redirect.getLicensedStates()), "dbtName", dbt.name(), "dbtJoinUrl",
                        dbt.joinUrl(), "dbtSchedule", dbt.schedule()));
    }

    private Email compose(String template, String subject, String to, String notificationId,
            Map<String, Object> variables) {
        Context context = new Context(Locale.US, variables);
        return new Email(to, subject, engine.process(template + ".html", context),
                engine.process(template + ".txt", context),
                "<" + notificationId + "@" + settings.messageIdDomain() + ">");
    }

    private static ClassLoaderTemplateResolver resolver(String suffix, TemplateMode mode, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(java.util.Set.of("*" + suffix));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }

    private static String capitalized(String day) {
        return day.charAt(0) + day.substring(1).toLowerCase(Locale.ROOT);
    }

}
