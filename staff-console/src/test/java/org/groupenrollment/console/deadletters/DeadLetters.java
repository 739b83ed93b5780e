package org.groupenrollment.console.deadletters;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Dead letters as the processor and the notifier write them, named by what they are. */
final class DeadLetters {

    private DeadLetters() {
    }

    /** A signup the processor could not read, as it dead-letters one. */
    static DeadLetter unreadableSignup(long offset, DeadLetter.Header... extra) {
        List<DeadLetter.Header> headers = new ArrayList<>(List.of(text("traceparent", "00-abc-def-01"),
                text("kafka_exception-fqcn", "org.apache.kafka.common.errors.SerializationException"),
                text("kafka_exception-message", "Unknown magic byte"),
                text("kafka_original-topic", "enrollment.signups.submitted"),
                new DeadLetter.Header("kafka_original-partition", ByteBuffer.allocate(4).putInt(3).array()),
                new DeadLetter.Header("kafka_original-offset", ByteBuffer.allocate(8).putLong(977L).array())));
        headers.addAll(List.of(extra));
        return new DeadLetter("enrollment.signups.submitted.dlt", 3, offset, Instant.parse("2026-12-05T14:00:00Z"),
                "ocd", List.copyOf(headers), new byte[] { 1, 2, 3 });
    }

    static DeadLetter.Header text(String name, String value) {
        return new DeadLetter.Header(name, value.getBytes(StandardCharsets.UTF_8));
    }

}
