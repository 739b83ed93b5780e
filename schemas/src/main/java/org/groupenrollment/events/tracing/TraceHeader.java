package org.groupenrollment.events.tracing;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.slf4j.MDC;

/**
 * The W3C trace context a record carries, for the consumers that continue a trace by hand
 * (the processor, as Kafka Streams has no observation; the notifier, where spring-kafka's
 * observation of every record cost a tenth of the emails' rate). Both open a span only
 * for a trace that is sampled, and put the ids of one that is not in the log lines, which
 * is all a span nobody keeps would have given.
 */
public final class TraceHeader {

    /** The record header that carries the W3C traceparent. */
    public static final String TRACEPARENT = "traceparent";

    /** Where the log lines' trace and span ids come from (Boot's correlation pattern). */
    private static final String TRACE_ID = "traceId";

    private static final String SPAN_ID = "spanId";

    private TraceHeader() {
    }

    /** The traceparent {@code headers} carry, or {@code null} when they name no trace. */
    public static String traceparent(Headers headers) {
        Header header = headers.lastHeader(TRACEPARENT);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * Whether a W3C traceparent ({@code 00-<trace id>-<span id>-<flags>}) says its trace
     * is sampled; one that cannot be read counts as sampled, so a tracer's propagator
     * decides what to do with it.
     */
    public static boolean sampled(String traceparent) {
        if (!readable(traceparent)) {
            return true;
        }
        return (Character.digit(traceparent.charAt(54), 16) & 1) == 1;
    }

    /**
     * Puts the trace and span ids of a readable {@code traceparent} in the log lines of
     * this thread until the returned handle is closed.
     */
    public static InLogLines inLogLines(String traceparent) {
        if (!readable(traceparent)) {
            return () -> {
            };
        }
        MDC.put(TRACE_ID, traceparent.substring(3, 35));
        MDC.put(SPAN_ID, traceparent.substring(36, 52));
        return () -> {
            MDC.remove(TRACE_ID);
            MDC.remove(SPAN_ID);
        };
    }

    private static boolean readable(String traceparent) {
        return traceparent.length() == 55 && traceparent.charAt(2) == '-' && traceparent.charAt(35) == '-'
                && traceparent.charAt(52) == '-';
    }

    /** Ids in the log lines, until closed. */
    @FunctionalInterface
    public interface InLogLines extends AutoCloseable {

        @Override
        void close();

    }

}
