package org.groupenrollment.notification;

import java.util.function.Supplier;

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

    private final EmailComposer composer;

    private final EmailSender sender;

    private final SentLog sentLog;

    public OutcomeNotifier(EmailComposer composer, EmailSender sender, SentLog sentLog) {
        this.composer = composer;
        this.sender = sender;
        this.sentLog = sentLog;
    }

    public void on(Outcome.SeatReserved seat) {
        notify(seat, () -> composer.seatReserved(seat));
    }

    public void on(Outcome.Waitlisted waitlisted) {
        notify(waitlisted, () -> composer.waitlisted(waitlisted));
    }

    public void on(Outcome.RedirectedToDbt redirect) {
        notify(redirect, () -> composer.redirectedToDbt(redirect));
    }

    public void on(Outcome.SeatConfirmed confirmed) {
        notify(confirmed, () -> composer.seatConfirmed(confirmed));
    }

    public void on(Outcome.SeatReleased released) {
        notify(released, () -> composer.seatReleased(released));
    }

    public void on(Outcome.WaitlistPlaceLeft left) {
        notify(left, () -> composer.waitlistPlaceLeft(left));
    }

    private void notify(Outcome outcome, Supplier<Email> email) {
        String notificationId = outcome.notificationId();
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
            throw ex;
        }
        sentLog.recordSent(notificationId, outcome.kind());
        log.info("Notification {} sent", notificationId);
    }

}
