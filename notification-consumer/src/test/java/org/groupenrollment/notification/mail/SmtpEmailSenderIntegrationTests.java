package org.groupenrollment.notification.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.groupenrollment.events.links.PlaceLinks;
import org.groupenrollment.notification.Email;
import org.groupenrollment.notification.EmailSender;
import org.groupenrollment.notification.Outcomes;
import org.groupenrollment.testsupport.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against a real SMTP server (GreenMail). */
class SmtpEmailSenderIntegrationTests {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final ThymeleafEmailComposer composer = new ThymeleafEmailComposer(Outcomes.settings(),
            new PlaceLinks(Outcomes.keys()), PlaceLinks.erasures(Outcomes.keys()), Clock.systemUTC());

    @Test
    void sendsHtmlAndTextWithTheOutcomesMessageId() throws Exception {
        var seat = Outcomes.seatInTuesdayAnxietyGroup("sam@example.org");
        Email email = composer.seatReserved(seat);

        try (SmtpEmailSender sender = new SmtpEmailSender(mailSender(smtp.getSmtp().getPort()),
                "groups@enrollment.example")) {
            sender.send(email);
        }

        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getMessageID()).isEqualTo(email.messageId());
        assertThat(received.getSubject()).isEqualTo("Your group place is confirmed");
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo("sam@example.org");
        String body = mimeText(received);
        assertThat(body).contains("text/plain").contains("text/html").contains("every Tuesday at 6:30 PM");
    }

    @Test
    void offersTheTextFirstAndTheHtmlAsTheAlternativeAClientPrefers() throws Exception {
        try (SmtpEmailSender sender = new SmtpEmailSender(mailSender(smtp.getSmtp().getPort()),
                "Group enrollment <groups@enrollment.example>")) {
            sender.send(composer.seatReserved(Outcomes.seatInTuesdayAnxietyGroup("sam@example.org")));
        }

        MimeMessage received = smtp.getReceivedMessages()[0];
        MimeMultipart alternatives = (MimeMultipart) received.getContent();
        assertThat(alternatives.getContentType()).startsWith("multipart/alternative");
        assertThat(alternatives.getCount()).isEqualTo(2);
        assertThat(alternatives.getBodyPart(0).getContentType()).startsWith("text/plain")
            .containsIgnoringCase("charset=UTF-8");
        assertThat(alternatives.getBodyPart(1).getContentType()).startsWith("text/html")
            .containsIgnoringCase("charset=UTF-8");
        assertThat(received.getFrom()[0].toString()).isEqualTo("Group enrollment <groups@enrollment.example>");
        assertThat(received.getSentDate()).isNotNull();
    }

    @Test
    void aConfirmationArrivesWithItsAlternativesAndTheCalendarFileAttached() throws Exception {
        try (SmtpEmailSender sender = new SmtpEmailSender(mailSender(smtp.getSmtp().getPort()),
                "groups@enrollment.example")) {
            sender.send(composer.seatConfirmed(Outcomes.tuesdayAnxietySeatConfirmed("sam@example.org")));
        }

        MimeMessage received = smtp.getReceivedMessages()[0];
        MimeMultipart mixed = (MimeMultipart) received.getContent();
        assertThat(mixed.getContentType()).startsWith("multipart/mixed");
        assertThat(((MimeMultipart) mixed.getBodyPart(0).getContent()).getContentType())
            .startsWith("multipart/alternative");
        BodyPart invite = mixed.getBodyPart(1);
        assertThat(invite.getContentType()).startsWith("text/calendar");
        assertThat(invite.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(invite.getFileName()).isEqualTo("group-sessions.ics");
        assertThat(new String(invite.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
            .startsWith("BEGIN:VCALENDAR\r\n")
            .contains("RRULE:FREQ=WEEKLY;BYDAY=TU");
    }

    @Test
    void aSenderThatIsNotAnAddressIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new SmtpEmailSender(mailSender(smtp.getSmtp().getPort()), "groups at enrollment"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("enrollment.notifications.from");
    }

    @Test
    void sendsManyEmailsOverOneConnection() throws Exception {
        try (ConnectionCountingRelay relay = new ConnectionCountingRelay(smtp.getSmtp().getPort());
                SmtpEmailSender sender = new SmtpEmailSender(mailSender(relay.port()), "groups@enrollment.example")) {
            for (int i = 0; i < 5; i++) {
                sender.send(composer.waitlisted(Outcomes.thirdOnTheGriefWaitlist("person" + i + "@example.org")));
            }

            assertThat(relay.connections()).isEqualTo(1);
        }
        assertThat(smtp.getReceivedMessages()).hasSize(5);
    }

    @Test
    void aConnectionTheServerDroppedIsReplacedWithoutLosingTheEmail() throws Exception {
        try (ConnectionCountingRelay relay = new ConnectionCountingRelay(smtp.getSmtp().getPort());
                SmtpEmailSender sender = new SmtpEmailSender(mailSender(relay.port()), "groups@enrollment.example")) {
            sender.send(composer.waitlisted(Outcomes.thirdOnTheGriefWaitlist("before@example.org")));
            relay.dropConnections();

            sender.send(composer.waitlisted(Outcomes.thirdOnTheGriefWaitlist("after@example.org")));

            assertThat(relay.connections()).isEqualTo(2);
        }
        assertThat(smtp.getReceivedMessages()).extracting(message -> message.getAllRecipients()[0].toString())
            .containsExactly("before@example.org", "after@example.org");
    }

    @Test
    void anAddressNoEmailCanBeSentToIsAPermanentFailureThatDoesNotQuoteIt() {
        try (SmtpEmailSender sender = new SmtpEmailSender(mailSender(smtp.getSmtp().getPort()),
                "groups@enrollment.example")) {
            assertThatThrownBy(
                    () -> sender.send(composer.waitlisted(Outcomes.thirdOnTheGriefWaitlist("x@exa_mple.org"))))
                .isInstanceOf(EmailSender.PermanentEmailFailure.class)
                .hasMessageNotContaining("exa_mple");
        }
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void anUnreachableServerIsATransientFailure() throws IOException {
        try (SmtpEmailSender sender = new SmtpEmailSender(mailSender(FreePorts.loopback()),
                "groups@enrollment.example")) {
            assertThatThrownBy(
                    () -> sender.send(composer.waitlisted(Outcomes.thirdOnTheGriefWaitlist("sam@example.org"))))
                .isInstanceOf(EmailSender.TransientEmailFailure.class);
        }
    }

    private static JavaMailSenderImpl mailSender(int port) {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(port);
        mail.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        return mail;
    }

    private static String mimeText(MimeMessage message) throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        message.writeTo(out);
        assertThat(message.getContent()).isInstanceOf(MimeMultipart.class);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

}
