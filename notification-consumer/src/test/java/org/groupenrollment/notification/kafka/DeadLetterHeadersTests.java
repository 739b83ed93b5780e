package org.groupenrollment.notification.kafka;

import jakarta.mail.internet.AddressException;
import org.groupenrollment.notification.EmailSender;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterHeadersTests {

    @Test
    void theMessageOfThisServicesOwnFailureIsKeptItNamesTheEmailByItsId() {
        var failure = new ListenerExecutionFailedException("listener failed",
                new EmailSender.PermanentEmailFailure("Sending <seat-reserved.42@x> failed with SMTP reply 550",
                        new AddressException("Unknown user", "sam@example.org")));

        assertThat(DeadLetterHeaders.safeMessage(failure))
            .isEqualTo("Sending <seat-reserved.42@x> failed with SMTP reply 550");
    }

    @Test
    void aCauseFromElsewhereHasItsMessageWithheldForItMayQuoteTheAddress() {
        var failure = new ListenerExecutionFailedException("listener failed",
                new IllegalStateException("cannot send to sam@example.org"));

        assertThat(DeadLetterHeaders.safeMessage(failure)).isEqualTo(DeadLetterHeaders.WITHHELD)
            .doesNotContain("sam@example.org");
    }

}
