package org.groupenrollment.notification;

/**
 * A rendered email, ready for any transport. {@code messageId} is the same for every
 * attempt.
 */
public record Email(String to, String subject, String html, String text, String messageId) {
}
