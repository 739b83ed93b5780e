package org.groupenrollment.notification;

import org.groupenrollment.events.RedirectedToDbt;
import org.groupenrollment.events.SeatReserved;
import org.groupenrollment.events.SignupWaitlisted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One email per outcome: skips what the sent log already holds, sends, then records. A
 * crash between sending and recording sends the email again on redelivery, with the same
 * Message-ID.
 */
public final class OutcomeNotifier {

    private static final Logger log = LoggerFactory.getLogger(OutcomeNotifier.class);

    private final EmailComposer composer;

    private final EmailSender sender;

    private final SentLog sentLog;

    public OutcomeNotifier(EmailComposer composer, EmailSender sender, SentLog sentLog) {
        this.composer = composer;
        this.sender = sender;
        this.sentLog = sentLog;
    }

    public void on(SeatReserved event) {
        notify(NotificationIds.of(event), "seat-reserved", () -> composer.seatReserved(event));
    }

    public void on(SignupWaitlisted event) {
        notify(NotificationIds.of(event), "waitlisted", () -> composer.waitlisted(event));
    }

    public void on(RedirectedToDbt event) {
        notify(NotificationIds.of(event), "redirected-to-dbt", () -> composer.redirected(event));
    }

    private void notify(String notificationId, String kind, java.util.function.Supplier<Email> email) {
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
        sentLog.recordSent(notificationId, kind);
        log.info("Notification {} sent", notificationId);
    }

}
