package org.groupenrollment.notification.mail;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
 * {@code src/main/resources/mail}, named after the outcome's kind.
 */
final class ThymeleafEmailComposer implements EmailComposer {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
        .withLocale(Locale.US);

    private final TemplateEngine engine = new TemplateEngine();

    private final NotificationSettings settings;

    ThymeleafEmailComposer(NotificationSettings settings) {
        this.settings = settings;
        engine.addTemplateResolver(resolver(".html", TemplateMode.HTML, 1));
        engine.addTemplateResolver(resolver(".txt", TemplateMode.TEXT, 2));
    }

    @Override
    public Email seatReserved(Outcome.SeatReserved seat) {
        Outcome.Schedule schedule = seat.schedule();
        return compose(seat, "Your group place is confirmed",
                Map.of("firstName", seat.to().firstName(), "groupName", seat.groupName(), "day",
                        capitalized(schedule.day().name()), "startTime", TIME.format(schedule.start()), "timeZone",
                        schedule.timeZone(), "durationMinutes", schedule.durationMinutes(), "firstSession",
                        schedule.firstSession() == null ? "" : DATE.format(schedule.firstSession()), "seatNumber",
                        seat.seatNumber()));
    }

    @Override
    public Email waitlisted(Outcome.Waitlisted waitlisted) {
        return compose(waitlisted, "You are on the waitlist for your group", Map.of("firstName",
                waitlisted.to().firstName(), "groupName", waitlisted.groupName(), "position", waitlisted.position()));
    }

    @Override
    public Email redirectedToDbt(Outcome.RedirectedToDbt redirect) {
        NotificationSettings.DbtSkillsGroup dbt = settings.dbtSkillsGroup();
        return compose(redirect, "An online skills course we can offer you",
                Map.of("firstName", redirect.to().firstName(), "requestedGroupName", redirect.requestedGroupName(),
                        "state", redirect.stateOfResidence(), "licensedStates",
                        String.join(", ", redirect.licensedStates()), "dbtName", dbt.name(), "dbtJoinUrl",
                        dbt.joinUrl(), "dbtSchedule", dbt.schedule()));
    }

    private Email compose(Outcome outcome, String subject, Map<String, Object> variables) {
        Context context = new Context(Locale.US, variables);
        return new Email(outcome.to().email(), subject, engine.process(outcome.kind() + ".html", context),
                engine.process(outcome.kind() + ".txt", context),
                "<" + outcome.notificationId() + "@" + settings.messageIdDomain() + ">");
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
