package org.groupenrollment.notification;

import java.util.List;

/**
 * A rendered email, ready for any transport. {@code messageId} is the same for every
 * attempt.
 */
public record Email(String to, String subject, String html, String text, String messageId,
        List<Attachment> attachments) {

    public Email {
        attachments = List.copyOf(attachments);
    }

    public Email(String to, String subject, String html, String text, String messageId) {
        this(to, subject, html, text, messageId, List.of());
    }

    /** A file sent with the email, such as a calendar invite. */
    public record Attachment(String fileName, String contentType, byte[] content) {
    }

}
