package org.groupenrollment.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;

/**
 * What the SMTP server holds, with the moment it stored each message (its received date): that
 * is the "accepted by the SMTP server" time of the benchmarks, taken by the server itself.
 */
final class MailWatch {

    private final GreenMail smtp;

    /** Empties the server's mailboxes, so everything it holds from now on is this run's. */
    MailWatch(GreenMail smtp) {
        this.smtp = smtp;
        try {
            smtp.purgeEmailFromAllMailboxes();
        }
        catch (FolderException ex) {
            throw new IllegalStateException("Cannot empty the SMTP server's mailboxes", ex);
        }
    }

    int count() {
        return messages().size();
    }

    /** Wall-clock milliseconds at which the first message to each recipient was stored. */
    Map<String, Long> acceptedAtMillis() {
        Map<String, Long> accepted = new HashMap<>();
        for (StoredMessage message : messages()) {
            accepted.merge(recipient(message), message.getReceivedDate().getTime(), Math::min);
        }
        return accepted;
    }

    /** Wall-clock milliseconds at which the sender stamped each recipient's first message (its Date header). */
    Map<String, Long> sentAtMillis() {
        Map<String, Long> sent = new HashMap<>();
        for (StoredMessage message : messages()) {
            try {
                sent.merge(recipient(message), message.getMimeMessage().getSentDate().getTime(), Math::min);
            }
            catch (MessagingException | NullPointerException ex) {
                // no Date header: nothing to say about this one
            }
        }
        return sent;
    }

    /** Messages per second between the first and the last one stored. */
    double perSecond() {
        List<StoredMessage> messages = messages();
        long first = messages.stream().mapToLong(m -> m.getReceivedDate().getTime()).min().orElse(0);
        long last = messages.stream().mapToLong(m -> m.getReceivedDate().getTime()).max().orElse(0);
        return messages.size() <= 1 || last == first ? Double.NaN : (messages.size() - 1) * 1000.0 / (last - first);
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
