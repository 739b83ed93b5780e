package org.groupenrollment.console.deadletters;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterTests {

    @Test
    void aDeadLetterIsNamedByWhereItLiesAndSaysWhenceAndWhy() {
        DeadLetter letter = DeadLetters.unreadableSignup(12);

        assertThat(letter.id()).isEqualTo("enrollment.signups.submitted.dlt-3@12");
        assertThat(letter.originalTopic()).contains("enrollment.signups.submitted");
        assertThat(letter.cause()).isEqualTo("org.apache.kafka.common.errors.SerializationException");
        assertThat(letter.causeMessage()).isEqualTo("Unknown magic byte");
        assertThat(letter.redriveCount()).isZero();
    }

    @Test
    void binaryPartitionAndOffsetHeadersAreShownAsNumbersAndTextAsText() {
        assertThat(DeadLetters.unreadableSignup(12).shownHeaders()).extracting(header -> header[0] + "=" + header[1])
            .contains("kafka_original-partition=3", "kafka_original-offset=977",
                    "kafka_original-topic=enrollment.signups.submitted", "traceparent=00-abc-def-01");
    }

    @Test
    void aRedrivenRecordKeepsItsOwnHeadersDropsThePreviousFailuresAndIsCountedAndMarked() {
        DeadLetter letter = DeadLetters.unreadableSignup(12);

        assertThat(letter.redriveHeaders()).extracting(DeadLetter.Header::name)
            .containsExactly("traceparent", DeadLetter.REDRIVE_COUNT, DeadLetter.REDRIVEN_FROM);
        assertThat(ByteBuffer.wrap(letter.redriveHeaders().get(1).value()).getInt()).isEqualTo(1);
        assertThat(new String(letter.redriveHeaders().get(2).value(), StandardCharsets.UTF_8))
            .isEqualTo("enrollment.signups.submitted.dlt-3@12");
    }

    @Test
    void aRecordRedrivenBeforeThatFailedAgainCountsOnSoALoopShows() {
        DeadLetter again = DeadLetters.unreadableSignup(13,
                new DeadLetter.Header(DeadLetter.REDRIVE_COUNT, ByteBuffer.allocate(4).putInt(2).array()),
                DeadLetters.text(DeadLetter.REDRIVEN_FROM, "enrollment.signups.submitted.dlt-3@12"));

        assertThat(again.redriveCount()).isEqualTo(2);
        assertThat(again.redriveHeaders()).extracting(DeadLetter.Header::name)
            .containsExactly("traceparent", DeadLetter.REDRIVE_COUNT, DeadLetter.REDRIVEN_FROM);
        assertThat(ByteBuffer.wrap(again.redriveHeaders().get(1).value()).getInt()).isEqualTo(3);
    }

    @Test
    void theOriginalTopicIsTheFirstNamedThroughEveryRetry() {
        DeadLetter retried = DeadLetters.unreadableSignup(14,
                DeadLetters.text("kafka_original-topic", "enrollment.seats.reserved-retry-2000"));

        assertThat(retried.originalTopic()).contains("enrollment.signups.submitted");
    }

}
