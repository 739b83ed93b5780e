package org.groupenrollment.pipeline;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import org.groupenrollment.events.links.PlaceLinks;

import static org.assertj.core.api.Assertions.assertThat;

/** What the tests read in an email as its recipient would: the decoded text. */
final class Emails {

    private static final Pattern PLACE_LINK = Pattern.compile(Pattern.quote(PlaceLinks.PATH) + "([A-Za-z0-9_-]{54})");

    private static final Pattern ERASURE_LINK = Pattern
        .compile(Pattern.quote(PlaceLinks.ERASURE_PATH) + "([A-Za-z0-9_-]{54})");

    private Emails() {
    }

    /** The text/plain part, decoded. */
    static String plainText(Part part) {
        try {
            if (part.isMimeType("text/plain")) {
                return String.valueOf(part.getContent());
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    String text = plainText(multipart.getBodyPart(i));
                    if (!text.isEmpty()) {
                        return text;
                    }
                }
            }
            return "";
        }
        catch (MessagingException | IOException ex) {
            throw new IllegalStateException("Cannot read an email", ex);
        }
    }

    /** The token of the link to the person's page, or null when the email has none. */
    static String placeToken(Message email) {
        Matcher link = PLACE_LINK.matcher(plainText(email));
        return link.find() ? link.group(1) : null;
    }

    /** The token of the "delete my data" link every email carries. */
    static String erasureToken(Message email) {
        Matcher link = ERASURE_LINK.matcher(plainText(email));
        assertThat(link.find()).as("an erasure link in the email").isTrue();
        return link.group(1);
    }

    static String recipient(Message email) {
        try {
            return email.getAllRecipients()[0].toString();
        }
        catch (MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static String subject(Message email) {
        try {
            return email.getSubject();
        }
        catch (MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
