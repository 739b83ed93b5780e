package org.groupenrollment.notification;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.groupenrollment.serde.encryption.DataKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutcomeNotifierTests {

    private final EmailComposer composer = new PlainComposer();

    private final List<Email> sent = new ArrayList<>();

    private final InMemorySentLog sentLog = new InMemorySentLog();

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    @Test
    void aRedeliveredOutcomeSendsNoSecondEmail() {
        OutcomeNotifier notifier = new OutcomeNotifier(composer, sent::add, sentLog, metrics);
        var seat = Outcomes.seatInTuesdayAnxietyGroup("sam@example.org");

        notifier.on(seat);
        notifier.on(seat);

        assertThat(sent).hasSize(1);
    }

    @Test
    void aFailedSendIsNotRecordedSoARetrySendsIt() {
        var seat = Outcomes.seatInTuesdayAnxietyGroup("sam@example.org");
        OutcomeNotifier failing = new OutcomeNotifier(composer, email -> {
            throw new EmailSender.TransientEmailFailure("421 try later", null);
        }, sentLog, metrics);

        assertThatThrownBy(() -> failing.on(seat)).isInstanceOf(EmailSender.TransientEmailFailure.class);
        new OutcomeNotifier(composer, sent::add, sentLog, metrics).on(seat);

        assertThat(sent).hasSize(1);
    }

    @Test
    void differentOutcomesOfOneSignupAreDifferentNotifications() {
        OutcomeNotifier notifier = new OutcomeNotifier(composer, sent::add, sentLog, metrics);

        notifier.on(Outcomes.thirdOnTheGriefWaitlist("sam@example.org"));
        notifier.on(Outcomes.texanAskingForDepression("sam@example.org"));

        assertThat(sent).extracting(Email::messageId).doesNotHaveDuplicates().hasSize(2);
    }

    @Test
    void everyStepOfOnePlaceIsAnEmailOfItsOwnAndEachIsSentOnce() {
        OutcomeNotifier notifier = new OutcomeNotifier(composer, sent::add, sentLog, metrics);
        var waiting = Outcomes.thirdOnTheGriefWaitlist("sam@example.org");
        var opened = new Outcome.SeatReserved(waiting.signupId(), waiting.to(), "Grief and loss",
                Outcomes.tuesdayAnxietySeatConfirmed("x@example.org").schedule(), 1, Outcomes.MONDAY_NOON, true);
        var confirmed = new Outcome.SeatConfirmed(waiting.signupId(), waiting.to(), "Grief and loss", opened.schedule(),
                1, Outcomes.MONDAY_NOON);
        var released = new Outcome.SeatReleased(waiting.signupId(), waiting.to(), "Grief and loss",
                Outcome.ReleaseReason.CANCELLED_BY_PERSON);

        notifier.on(waiting);
        notifier.on(opened);
        notifier.on(confirmed);
        notifier.on(released);
        notifier.on(confirmed);

        assertThat(sent).extracting(Email::subject)
            .containsExactly("waitlisted", "seat-opened", "seat-confirmed", "seat-released");
    }

    @Test
    void sentAndFailedEmailsAreCountedByKindAndFailure() {
        var seat = Outcomes.seatInTuesdayAnxietyGroup("sam@example.org");
        OutcomeNotifier failing = new OutcomeNotifier(composer, email -> {
            throw new EmailSender.TransientEmailFailure("421 try later", null);
        }, sentLog, metrics);
        assertThatThrownBy(() -> failing.on(seat)).isInstanceOf(EmailSender.TransientEmailFailure.class);
        OutcomeNotifier notifier = new OutcomeNotifier(composer, sent::add, sentLog, metrics);

        notifier.on(seat);
        notifier.on(seat);
        notifier.resend(seat, java.util.UUID.randomUUID());

        assertThat(metrics.counter(OutcomeNotifier.FAILED, "kind", seat.kind(), "failure", "transient").count())
            .isEqualTo(1);
        assertThat(metrics.counter(OutcomeNotifier.SENT, "kind", seat.kind(), "resent", "false").count()).isEqualTo(1);
        assertThat(metrics.counter(OutcomeNotifier.SENT, "kind", seat.kind(), "resent", "true").count()).isEqualTo(1);
    }

    @Test
    void aResendIsAMessageOfItsOwnSentOncePerRequestEvenAfterTheOriginal() {
        OutcomeNotifier notifier = new OutcomeNotifier(composer, sent::add, sentLog, metrics);
        var seat = Outcomes.seatInTuesdayAnxietyGroup("sam@example.org");
        java.util.UUID request = java.util.UUID.randomUUID();

        notifier.on(seat);
        notifier.resend(seat, request);
        notifier.resend(seat, request);
        notifier.resend(seat, java.util.UUID.randomUUID());

        assertThat(sent).hasSize(3).extracting(Email::subject).containsOnly(sent.get(0).subject());
        assertThat(sent).extracting(Email::to).containsOnly("sam@example.org");
        assertThat(sent).extracting(Email::messageId).doesNotHaveDuplicates();
        assertThat(sent.get(1).messageId()).contains("resend." + request);
    }

    @Test
    void anOutcomeWhosePersonWasErasedSinceIsNeitherSentNorResentNorRecorded() {
        OutcomeNotifier notifier = new OutcomeNotifier(composer, sent::add, sentLog, metrics);
        var erased = Outcomes.seatInTuesdayAnxietyGroup(DataKeys.ERASED);

        notifier.on(erased);
        notifier.resend(erased, java.util.UUID.randomUUID());

        assertThat(sent).isEmpty();
        assertThat(sentLog.wasSent(erased.notificationId())).isFalse();
    }

    /**
     * The notifier's logic does not depend on how an email looks: one line per outcome
     * will do.
     */
    private static final class PlainComposer implements EmailComposer {

        @Override
        public Email seatReserved(Outcome.SeatReserved seat) {
            return plain(seat);
        }

        @Override
        public Email waitlisted(Outcome.Waitlisted waitlisted) {
            return plain(waitlisted);
        }

        @Override
        public Email redirectedToDbt(Outcome.RedirectedToDbt redirect) {
            return plain(redirect);
        }

        @Override
        public Email seatConfirmed(Outcome.SeatConfirmed confirmed) {
            return plain(confirmed);
        }

        @Override
        public Email seatReleased(Outcome.SeatReleased released) {
            return plain(released);
        }

        @Override
        public Email waitlistPlaceLeft(Outcome.WaitlistPlaceLeft left) {
            return plain(left);
        }

        private static Email plain(Outcome outcome) {
            return new Email(outcome.to().email(), outcome.kind(), outcome.kind(), outcome.kind(),
                    "<" + outcome.notificationId() + ">");
        }

    }

    private static final class InMemorySentLog implements SentLog {

        private final Set<String> ids = new HashSet<>();

        @Override
        public boolean wasSent(String notificationId) {
            return ids.contains(notificationId);
        }

        @Override
        public void recordSent(String notificationId, String kind) {
            ids.add(notificationId);
        }

    }

}
