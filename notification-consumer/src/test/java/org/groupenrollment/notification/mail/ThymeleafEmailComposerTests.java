package org.groupenrollment.notification.mail;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.groupenrollment.events.links.PlaceLinks;
import org.groupenrollment.notification.Email;
import org.groupenrollment.notification.Outcome;
import org.groupenrollment.notification.Outcomes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class ThymeleafEmailComposerTests {

    private static final List<String> CONDITIONS = List.of("anger", "anxiety", "borderline", "chronic", "depression",
            "grief", "ocd", "relationship", "trauma", "ptsd");

    private static final Pattern PLACE_LINK = Pattern
        .compile(Pattern.quote(Outcomes.SIGNUP_SERVICE + PlaceLinks.PATH) + "([A-Za-z0-9_-]+)");

    private static final Pattern ERASURE_LINK = Pattern
        .compile(Pattern.quote(Outcomes.SIGNUP_SERVICE + PlaceLinks.ERASURE_PATH) + "([A-Za-z0-9_-]+)");

    private final PlaceLinks links = new PlaceLinks(Outcomes.keys());

    private final PlaceLinks erasureLinks = PlaceLinks.erasures(Outcomes.keys());

    private final ThymeleafEmailComposer composer = new ThymeleafEmailComposer(Outcomes.settings(), links, erasureLinks,
            Clock.fixed(Outcomes.MONDAY_NOON, ZoneOffset.UTC));

    @Test
    void aSeatEmailGivesTheGroupsWeeklySchedule() {
        var seat = Outcomes.seatInTuesdayAnxietyGroup("sam@example.org");

        Email email = composer.seatReserved(seat);

        assertThat(email.to()).isEqualTo("sam@example.org");
        assertThat(email.subject()).isEqualTo("Your group place is confirmed");
        assertThat(email.html()).contains("Hello <span>Sam</span>")
            .contains("Tuesday")
            .contains("6:30 PM")
            .contains("December 1, 2026");
        assertThat(email.text()).contains("every Tuesday at 6:30 PM (America/New_York), 90 minutes")
            .contains("Your seat: 4");
        assertThat(email.messageId()).isEqualTo("<seat-reserved." + seat.signupId() + "@notifications.test>");
    }

    @Test
    void aHeldSeatAsksForConfirmationByTheDeadlineInTheCohortsTimeZone() {
        Email email = composer.seatReserved(Outcomes.seatHeldInTuesdayAnxietyGroup("sam@example.org"));

        assertThat(email.subject()).isEqualTo("Please confirm your group place");
        assertThat(email.text()).contains("Please confirm it by Thursday, December 10 at 12:00 PM (America/New_York)")
            .contains("Your seat: 4");
        assertThat(email.html()).contains(">Confirm or cancel your place</a>");
    }

    @Test
    void aSeatThatOpenedForTheFirstInLineSaysSoAndAsksForConfirmation() {
        Email email = composer.seatReserved(Outcomes.seatOpenedFromTheWaitlist("sam@example.org"));

        assertThat(email.subject()).isEqualTo("A seat opened for you");
        assertThat(email.text()).contains("you were first on the waitlist, so it is yours to confirm")
            .contains("Please confirm it by Thursday, December 10 at 12:00 PM");
    }

    @Test
    void aConfirmationCarriesTheWeeklySessionsAsACalendarFile() {
        var confirmed = Outcomes.tuesdayAnxietySeatConfirmed("sam@example.org");

        Email email = composer.seatConfirmed(confirmed);

        assertThat(email.subject()).isEqualTo("Your group place is confirmed");
        assertThat(email.text()).contains("every Tuesday at 6:30 PM").contains("calendar file");
        assertThat(email.attachments()).singleElement().satisfies(file -> {
            assertThat(file.fileName()).isEqualTo("group-sessions.ics");
            assertThat(file.contentType()).startsWith("text/calendar");
            assertThat(new String(file.content(), StandardCharsets.UTF_8))
                .contains("UID:seat-confirmed." + confirmed.signupId() + "@notifications.test")
                .contains("RRULE:FREQ=WEEKLY;BYDAY=TU");
        });
    }

    @ParameterizedTest
    @EnumSource(Outcome.ReleaseReason.class)
    void aReleasedSeatIsExplainedByItsReason(Outcome.ReleaseReason reason) {
        Email email = composer.seatReleased(Outcomes.anxietySeatReleased("sam@example.org", reason));

        String expected = switch (reason) {
            case HOLD_EXPIRED -> "was not confirmed in time";
            case CANCELLED_BY_PERSON -> "As you asked, we have cancelled your place";
            case CANCELLED_BY_STAFF -> "Our staff have cancelled your place";
        };
        assertThat(email.text()).contains(expected).contains("sign up again");
        assertThat(email.html()).contains(expected);
    }

    @Test
    void aWaitlistEmailGivesThePositionAndALinkToFollowIt() {
        var waiting = Outcomes.thirdOnTheGriefWaitlist("sam@example.org");

        Email email = composer.waitlisted(waiting);

        assertThat(email.text()).contains("You are number 3 in line");
        assertThat(email.html()).contains("<strong>3</strong>");
        assertThat(signupOfTheLinkIn(email.text())).isEqualTo(waiting.signupId());
    }

    @Test
    void leavingTheWaitlistIsConfirmed() {
        Email email = composer.waitlistPlaceLeft(Outcomes.leftTheGriefWaitlist("sam@example.org"));

        assertThat(email.subject()).isEqualTo("You have left the waitlist");
        assertThat(email.text()).contains("As you asked, we have taken you off the waitlist");
    }

    @Test
    void aRedirectEmailExplainsTheLicensingRuleAndHowToJoinDbtAndHasNoPlaceLink() {
        Email email = composer.redirectedToDbt(Outcomes.texanAskingForDepression("sam@example.org"));

        assertThat(email.text()).contains("only to residents of FL, NJ, NY")
            .contains("You told us you live in TX")
            .contains("Join the DBT skills group: https://enrollment.example/dbt")
            .doesNotContain(PlaceLinks.PATH);
        assertThat(email.html()).contains("href=\"https://enrollment.example/dbt\"");
    }

    @Test
    void everyEmailAboutAPlaceCarriesOneSignedLinkToItsOwnPageInBothParts() {
        for (Outcome outcome : Outcomes.oneOfEachKind("sam@example.org")) {
            Email email = compose(outcome);
            if (!outcome.isAboutAPlace()) {
                continue;
            }
            assertThat(signupOfTheLinkIn(email.text())).as(outcome.kind()).isEqualTo(outcome.signupId());
            assertThat(signupOfTheLinkIn(email.html())).as(outcome.kind()).isEqualTo(outcome.signupId());
            assertThat(PLACE_LINK.matcher(email.text()).results().map(java.util.regex.MatchResult::group).distinct())
                .as("one link in %s", outcome.kind())
                .hasSize(1);
        }
    }

    @Test
    void everyEmailTheDbtOfferTooCarriesASignedLinkToEraseItsPersonInBothParts() {
        for (Outcome outcome : Outcomes.oneOfEachKind("sam@example.org")) {
            Email email = compose(outcome);
            for (String part : List.of(email.text(), email.html())) {
                Matcher link = ERASURE_LINK.matcher(part);
                assertThat(link.find()).as("an erasure link in %s", outcome.kind()).isTrue();
                assertThat(erasureLinks.read(link.group(1))).as(outcome.kind())
                    .hasValueSatisfying(erasure -> assertThat(erasure.signupId()).isEqualTo(outcome.signupId()));
            }
        }
    }

    @Test
    void noSubjectLineNamesACondition() {
        assertThat(Outcomes.oneOfEachKind("sam@example.org"))
            .extracting(outcome -> compose(outcome).subject().toLowerCase(Locale.ROOT))
            .allSatisfy(subject -> assertThat(CONDITIONS).noneMatch(subject::contains));
    }

    @Test
    void theSameOutcomeAlwaysGetsTheSameMessageId() {
        var seat = Outcomes.seatInTuesdayAnxietyGroup("sam@example.org");

        assertThat(composer.seatReserved(seat).messageId()).isEqualTo(composer.seatReserved(seat).messageId());
    }

    private java.util.UUID signupOfTheLinkIn(String part) {
        Matcher link = PLACE_LINK.matcher(part);
        assertThat(link.find()).as("a link to the place page in %s", part).isTrue();
        return links.read(link.group(1)).orElseThrow().signupId();
    }

    private Email compose(Outcome outcome) {
        if (outcome instanceof Outcome.SeatReserved seat) {
            return composer.seatReserved(seat);
        }
        if (outcome instanceof Outcome.Waitlisted waitlisted) {
            return composer.waitlisted(waitlisted);
        }
        if (outcome instanceof Outcome.RedirectedToDbt redirect) {
            return composer.redirectedToDbt(redirect);
        }
        if (outcome instanceof Outcome.SeatConfirmed confirmed) {
            return composer.seatConfirmed(confirmed);
        }
        if (outcome instanceof Outcome.SeatReleased released) {
            return composer.seatReleased(released);
        }
        return composer.waitlistPlaceLeft((Outcome.WaitlistPlaceLeft) outcome);
    }

}
