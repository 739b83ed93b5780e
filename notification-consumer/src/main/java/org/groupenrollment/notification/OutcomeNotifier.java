package org.groupenrollment.notification;

import java.util.UUID;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * One email per outcome: skips what the sent log already holds, sends, then records. A
 * crash between sending and recording sends the email again on redelivery, with the same
 * Message-ID.
 */
@Service
public class OutcomeNotifier {

    private static final Logger log = LoggerFactory.getLogger(OutcomeNotifier.class);

    /** Emails sent, by kind (the template) and whether staff asked for them again. */
    static final String SENT = "enrollment.emails.sent";

    /**
     * Sends that failed, by kind and failure: a transient one is retried from a retry
     * topic, a permanent one goes to the dead-letter topic.
     */
    static final String FAILED = "enrollment.emails.failed";

    private static final String RESEND = "resend.";

    private final EmailComposer composer;

    private final EmailSender sender;

    private final SentLog sentLog;

    private final MeterRegistry metrics;

    public OutcomeNotifier(EmailComposer composer, EmailSender sender, SentLog sentLog, MeterRegistry metrics) {
        this.composer = composer;
        this.sender = sender;
        this.sentLog = sentLog;
        this.metrics = metrics;
    }

    public void on(Outcome outcome) {
        if (wasErased(outcome)) {
            return;
        }
        send(outcome.notificationId(), outcome.kind(), () -> composed(outcome));
    }

    /**
     * Sends the email of an outcome again, made afresh (a new link), as a message of its
     * own: a mail service that has the first would drop a copy with its Message-ID. Once
     * per request, however often the request is delivered.
     */
    public void resend(Outcome outcome, UUID requestId) {
        if (wasErased(outcome)) {
            return;
        }
        String notificationId = RESEND + requestId;
        send(notificationId, outcome.kind(), () -> {
            Email email = composed(outcome);
            return new Email(email.to(), email.subject(), email.html(), email.text(),
                    email.messageId().replace(outcome.notificationId(), notificationId), email.attachments());
        });
    }

    private static boolean wasErased(Outcome outcome) {
        if (outcome.to().isErased()) {
            log.info("Notification {} not sent: its person was erased", outcome.notificationId());
            return true;
        }
        return false;
    }

    private Email composed(Outcome outcome) {
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

    private void send(String notificationId, String kind, Supplier<Email> email) {
        if (sentLog.wasSent(notificationId)) {
            log.debug("Notification {} was sent before; not sending again", notificationId);
            return;
        }
        try {
            sender.send(email.get());
        }
        catch (EmailSender.TransientEmailFailure | EmailSender.PermanentEmailFailure ex) {
            // The message names the notification and the SMTP reply code; the causes may
            // quote the address.
            log.warn("{} ({})", ex.getMessage(), ex.getClass().getSimpleName());
            metrics
                .counter(FAILED, "kind", kind, "failure",
                        ex instanceof EmailSender.TransientEmailFailure ? "transient" : "permanent")
                .increment();
            throw ex;
        }
        sentLog.recordSent(notificationId, kind);
        metrics.counter(SENT, "kind", kind, "resent", String.valueOf(notificationId.startsWith(RESEND))).increment();
        log.info("Notification {} sent", notificationId);
    }

}
