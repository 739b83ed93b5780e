package org.groupenrollment.notification.mail;

import java.io.IOException;
import java.util.Date;

import jakarta.activation.DataHandler;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.groupenrollment.events.contact.ContactRules;
import org.groupenrollment.notification.Email;
import org.groupenrollment.notification.EmailSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Sends through the session and server that Spring Boot's {@link JavaMailSenderImpl} is
 * configured with, but keeps an SMTP connection open between emails instead of a
 * handshake per message: one per sending thread, so listener threads send in parallel
 * without sharing a connection. A connection the server has dropped is replaced once,
 * transparently. Failures are sorted by the server's reply: 5xx is permanent, anything
 * else may pass on a later try.
 */
final class SmtpEmailSender implements EmailSender, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmtpEmailSender.class);

    private static final String UTF_8 = "UTF-8";

    static {
        // Jakarta Mail 2.1 finds its StreamProvider through ServiceLoader for every
        // multipart and body part it creates or writes (jakartaee/mail-api#861); in a
        // packaged Boot jar each look-up scans every nested jar. Naming the
        // implementation turns that into a class look-up. Class literals, not strings: a
        // misspelt name would silently bring the scanning back.
        System.getProperties().putIfAbsent(StreamProvider.class.getName(), MailStreamProvider.class.getName());
    }

    private final JavaMailSenderImpl mail;

    private final InternetAddress from;

    private final ThreadLocal<Transport> connection = new ThreadLocal<>();

    private final java.util.Set<Transport> open = java.util.concurrent.ConcurrentHashMap.newKeySet();

    SmtpEmailSender(JavaMailSenderImpl mail, String from) {
        this.mail = mail;
        this.from = sender(from);
    }

    /** Fails at start-up, naming the setting, rather than on the first email. */
    private static InternetAddress sender(String from) {
        try {
            InternetAddress address = new InternetAddress(from, true);
            if (address.getPersonal() != null) {
                address.setPersonal(address.getPersonal(), UTF_8);
            }
            return address;
        }
        catch (MessagingException | java.io.UnsupportedEncodingException ex) {
            throw new IllegalArgumentException(
                    "enrollment.notifications.from is not an email address: " + ex.getMessage(), ex);
        }
    }

    @Override
    public void send(Email email) {
        if (!ContactRules.isSendableEmail(email.to())) {
            throw unsendableAddress(email, null);
        }
        try {
            MimeMessage message = toMimeMessage(email);
            sendReusingConnection(message, message.getAllRecipients());
        }
        catch (MessagingException ex) {
            throw classify(email, ex);
        }
    }

    private void sendReusingConnection(MimeMessage message, Address[] recipients) throws MessagingException {
        Transport transport = connection.get();
        // Not transport.isConnected(): for SMTP that is a NOOP round trip before every
        // message, which cost more than the message itself. A dead connection shows when
        // sending fails.
        if (transport != null) {
            try {
                transport.sendMessage(message, recipients);
                return;
            }
            catch (MessagingException ex) {
                if (!isConnectionLost(ex)) {
                    throw ex;
                }
                log.debug("SMTP connection lost, reconnecting", ex);
                disconnect(transport);
            }
        }
        transport = connect();
        connection.set(transport);
        open.add(transport);
        transport.sendMessage(message, recipients);
    }

    private Transport connect() throws MessagingException {
        Transport fresh = mail.getSession().getTransport(mail.getProtocol() == null ? "smtp" : mail.getProtocol());
        fresh.connect(mail.getHost(), mail.getPort(), mail.getUsername(), mail.getPassword());
        return fresh;
    }

    /**
     * multipart/alternative with the text part first and the HTML part last (the one a
     * client prefers when it can show it), UTF-8 throughout. Built with Jakarta Mail
     * directly rather than Spring's MimeMessageHelper: the helper looks up a file type
     * map on the classpath for every message, which in a packaged Boot jar cost more CPU
     * than the rest of the email.
     */
    private MimeMessage toMimeMessage(Email email) throws MessagingException {
        MimeMessage message = new MimeMessage(mail.getSession()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                // The same outcome always yields the same Message-ID, so a resend is
                // recognisably a duplicate.
                setHeader("Message-ID", email.messageId());
            }
        };
        message.setFrom(from);
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(email.to(), true));
        message.setSubject(email.subject(), UTF_8);
        message.setSentDate(new Date());
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(part(email.text(), "plain"));
        alternatives.addBodyPart(part(email.html(), "html"));
        message.setContent(email.attachments().isEmpty() ? alternatives : withAttachments(alternatives, email));
        message.saveChanges();
        return message;
    }

    /** multipart/mixed: the text and HTML alternatives first, then each file. */
    private static MimeMultipart withAttachments(MimeMultipart alternatives, Email email) throws MessagingException {
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternatives);
        mixed.addBodyPart(body);
        for (Email.Attachment attachment : email.attachments()) {
            MimeBodyPart file = new MimeBodyPart();
            file.setDataHandler(
                    new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
            file.setFileName(attachment.fileName());
            file.setDisposition(Part.ATTACHMENT);
            mixed.addBodyPart(file);
        }
        return mixed;
    }

    private static MimeBodyPart part(String content, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(content, UTF_8, subtype);
        return part;
    }

    /**
     * 5xx replies and addresses that cannot be written in a message are permanent: trying
     * again will not change them. The messages name the email by its id, never by its
     * address.
     */
    private static RuntimeException classify(Email email, MessagingException ex) {
        if (ex instanceof AddressException) {
            return unsendableAddress(email, ex);
        }
        int code = replyCode(ex);
        String what = "Sending " + email.messageId() + " failed" + (code > 0 ? " with SMTP reply " + code : "");
        if (code >= 500) {
            return new PermanentEmailFailure(what, ex);
        }
        return new TransientEmailFailure(what, ex);
    }

    private static int replyCode(MessagingException ex) {
        for (Exception next = ex; next != null; next = next instanceof MessagingException m ? m.getNextException()
                : null) {
            if (next instanceof SMTPAddressFailedException address) {
                return address.getReturnCode();
            }
            if (next instanceof SMTPSendFailedException send) {
                return send.getReturnCode();
            }
            if (next instanceof SendFailedException failed && failed.getNextException() == null) {
                return -1;
            }
        }
        return -1;
    }

    private static PermanentEmailFailure unsendableAddress(Email email, Exception cause) {
        return new PermanentEmailFailure(
                "Sending " + email.messageId() + " failed: the recipient's address is not one an email can be sent to",
                cause);
    }

    /**
     * A dropped connection shows as an I/O error when the write fails, or, when the
     * server closed it first, as a reply that never came (Angus reports end of stream as
     * reply code -1).
     */
    private static boolean isConnectionLost(MessagingException ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException
                    || cause instanceof SMTPSendFailedException noReply && noReply.getReturnCode() == -1) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        open.forEach(this::disconnect);
    }

    private void disconnect(Transport transport) {
        open.remove(transport);
        if (connection.get() == transport) {
            connection.remove();
        }
        try {
            transport.close();
        }
        catch (MessagingException ex) {
            log.debug("Closing an SMTP connection failed", ex);
        }
    }

}
