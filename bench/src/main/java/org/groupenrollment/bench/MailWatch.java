package org.groupenrollment.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;

/**
 * What the SMTP server holds, with the moment it stored each message (its received date):
 * that is the "accepted by the SMTP server" time of the benchmarks, taken by the server
 * itself.
 */
final class MailWatch {

    private final GreenMail smtp;

    /**
     * Restarts the server empty, so everything it holds from now on is this
     * measurement's, and makes it a catch-all: every message lands in one mailbox.
     * GreenMail otherwise creates a mailbox per recipient and finds it by a linear search
     * over all of them, so with thousands of distinct recipients the server's own
     * bookkeeping grew into most of its CPU, a cost no real mail relay has. The recipient
     * stays in each message's To header. A sender still connected sees its connection
     * dropped and reconnects.
     */
    MailWatch(GreenMail smtp) {
        this(smtp, true);
    }

    private MailWatch(GreenMail smtp, boolean reset) {
        this.smtp = smtp;
        if (!reset) {
            return;
        }
        smtp.reset();
        UserManager users = smtp.getUserManager();
        try {
            GreenMailUser inbox = users.createUser("inbox@bench.invalid", "inbox", "inbox");
            users.setMessageDeliveryHandler((message, recipient) -> inbox);
        }
        catch (UserException ex) {
            throw new IllegalStateException("Cannot set up the SMTP server's catch-all mailbox", ex);
        }
    }

    /** What the server holds since another watch started, without starting afresh. */
    static MailWatch continuing(GreenMail smtp) {
        return new MailWatch(smtp, false);
    }

    int count() {
        return messages().size();
    }

    /** Messages to recipients whose address starts with {@code prefix}. */
    int count(String prefix) {
        return (int) messages().stream().filter(message -> recipient(message).startsWith(prefix)).count();
    }

    /**
     * Waits on the server's own delivery latch rather than polling: listing every stored
     * message many times a second would cost the server CPU while it is being measured.
     */
    boolean awaitAtLeast(int count, Duration timeout) {
        return smtp.waitForIncomingEmail(timeout.toMillis(), count);
    }

    /**
     * Wall-clock milliseconds at which the first message to each recipient was stored.
     */
    Map<String, Long> acceptedAtMillis() {
        Map<String, Long> accepted = new HashMap<>();
        for (StoredMessage message : messages()) {
            accepted.merge(recipient(message), message.getReceivedDate().getTime(), Math::min);
        }
        return accepted;
    }

    /**
     * Seconds from the first message stored to the last (the server's clock has
     * millisecond steps).
     */
    double secondsFirstToLast() {
        List<StoredMessage> messages = messages();
        long first = messages.stream().mapToLong(m -> m.getReceivedDate().getTime()).min().orElse(0);
        long last = messages.stream().mapToLong(m -> m.getReceivedDate().getTime()).max().orElse(0);
        return (last - first) / 1000.0;
    }

    private List<StoredMessage> messages() {
        return smtp.getManagers().getImapHostManager().getAllMessages();
    }

    private static String recipient(StoredMessage message) {
        try {
            return message.getMimeMessage().getAllRecipients()[0].toString();
        }
        catch (MessagingException ex) {
            return "?";
        }
    }

}
