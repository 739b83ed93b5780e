package org.groupenrollment.bench;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.groupenrollment.events.tracing.TraceHeader;

/**
 * The W3C traceparent the signup service gives every record it sends, for the records a
 * benchmark writes itself: a trace of its own on each, one in ten sampled as shipped, so
 * a consumer continuing traces does for them what it does for real signups.
 */
final class Traceparents {

    private static final int SAMPLED_ONE_IN = 10;

    private Traceparents() {
    }

    /** {@code record}, carrying the traceparent of the {@code i}th traced signup. */
    static <V> ProducerRecord<String, V> traced(ProducerRecord<String, V> record, int i) {
        record.headers().add(TraceHeader.TRACEPARENT, traceparent(i % SAMPLED_ONE_IN == 0));
        return record;
    }

    private static byte[] traceparent(boolean sampled) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        HexFormat hex = HexFormat.of();
        String value = "00-" + hex.toHexDigits(random.nextLong()) + hex.toHexDigits(random.nextLong()) + "-"
                + hex.toHexDigits(random.nextLong()) + (sampled ? "-01" : "-00");
        return value.getBytes(StandardCharsets.UTF_8);
    }

}
