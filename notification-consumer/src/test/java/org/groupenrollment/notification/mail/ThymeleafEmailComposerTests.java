package org.groupenrollment.notification.mail;

import java.util.List;
import java.util.Locale;

import org.groupenrollment.notification.Email;
import org.groupenrollment.notification.Outcomes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThymeleafEmailComposerTests {

    private static final List<String> CONDITIONS = List.of("anger", "anxiety", "borderline", "chronic", "depression",
            "grief", "ocd", "relationship", "trauma", "ptsd");

    private final ThymeleafEmailComposer composer = new ThymeleafEmailComposer(Outcomes.settings());

    @Test
    void aSeatEmailGivesTheGroupsWeeklySchedule() {
        var seat = Outcomes.seatInTuesdayAnxietyGroup("sam@example.org");

        Email email = composer.seatReserved(seat);

        assertThat(email.to()).isEqualTo("sam@example.org");
        assertThat(email.html()).contains("Hello <span>Sam</span>")
            .contains("Tuesday")
            .contains("6:30 PM")
            .contains("December 1, 2026");
        assertThat(email.text()).contains("every Tuesday at 6:30 PM (America/New_York), 90 minutes")
            .contains("Your seat: 4");
        assertThat(email.messageId()).isEqualTo("<seat-reserved." + seat.signupId() + "@notifications.test>");
    }

    @Test
    void aWaitlistEmailGivesThePosition() {
        Email email = composer.waitlisted(Outcomes.thirdOnTheGriefWaitlist("sam@example.org"));

        assertThat(email.text()).contains("You are number 3 in line");
        assertThat(email.html()).contains("<strong>3</strong>");
    }

    @Test
    void aRedirectEmailExplainsTheLicensingRuleAndHowToJoinDbt() {
        Email email = composer.redirectedToDbt(Outcomes.texanAskingForDepression("sam@example.org"));

        assertThat(email.text()).contains("only to residents of FL, NJ, NY")
            .contains("You told us you live in TX")
            .contains("Join the DBT skills group: https://enrollment.example/dbt");
        assertThat(email.html()).contains("href=\"https://enrollment.example/dbt\"");
    }

    @Test
    void noSubjectLineNamesACondition() {
        List<Email> emails = List.of(composer.seatReserved(Outcomes.seatInTuesdayAnxietyGroup("a@example.org")),
                composer.waitlisted(Outcomes.thirdOnTheGriefWaitlist("b@example.org")),
                composer.redirectedToDbt(Outcomes.texanAskingForDepression("c@example.org")));

        assertThat(emails).extracting(email -> email.subject().toLowerCase(Locale.ROOT))
            .allSatisfy(subject -> assertThat(CONDITIONS).noneMatch(subject::contains));
    }

    @Test
    void theSameOutcomeAlwaysGetsTheSameMessageId() {
        var seat = Outcomes.seatInTuesdayAnxietyGroup("sam@example.org");

        assertThat(composer.seatReserved(seat).messageId()).isEqualTo(composer.seatReserved(seat).messageId());
    }

}
