package org.groupenrollment.eligibility.streams;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.groupenrollment.events.tracing.TraceHeader;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

class RecordTracingTests {

    private static final String NOT_SAMPLED = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00";

    private final RecordTracing tracing = new RecordTracing(RecordTracing.Tracing.NONE);

    @Test
    void aTraceNotSampledIsPassedOnAsItCameWithItsIdsInTheLogLines() {
        AtomicReference<String> forwarded = new AtomicReference<>();
        AtomicReference<String> logged = new AtomicReference<>();

        tracing.around("decide signup", headers(NOT_SAMPLED), () -> {
            forwarded.set(traceparent(tracing.outgoing()));
            logged.set(MDC.get("traceId") + "-" + MDC.get("spanId"));
        });

        assertThat(forwarded.get()).isEqualTo(NOT_SAMPLED);
        assertThat(logged.get()).isEqualTo("0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331");
        assertThat(MDC.get("traceId")).isNull();
        assertThat(tracing.outgoing().toArray()).isEmpty();
    }

    @Test
    void aRecordThatNamesNoTraceForwardsNone() {
        AtomicReference<Headers> forwarded = new AtomicReference<>();

        tracing.around("decide signup", new RecordHeaders(), () -> forwarded.set(tracing.outgoing()));

        assertThat(forwarded.get().toArray()).isEmpty();
    }

    private static Headers headers(String traceparent) {
        Headers headers = new RecordHeaders();
        headers.add(TraceHeader.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    private static String traceparent(Headers headers) {
        return new String(headers.lastHeader(TraceHeader.TRACEPARENT).value(), StandardCharsets.UTF_8);
    }

}
