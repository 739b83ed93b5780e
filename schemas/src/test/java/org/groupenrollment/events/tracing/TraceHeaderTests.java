package org.groupenrollment.events.tracing;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraceHeaderTests {

    private static final String NOT_SAMPLED = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00";

    private static final String SAMPLED = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    @Test
    void theSampledFlagIsReadFromTheLastByteAndAnUnreadableHeaderIsLeftToThePropagator() {
        assertThat(TraceHeader.sampled(SAMPLED)).isTrue();
        assertThat(TraceHeader.sampled(NOT_SAMPLED)).isFalse();
        assertThat(TraceHeader.sampled("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-03")).isTrue();
        assertThat(TraceHeader.sampled("garbage")).isTrue();
    }

    @Test
    void theLastTraceparentHeaderIsTheOneReadAndNoneMeansNoTrace() {
        RecordHeaders headers = new RecordHeaders();
        assertThat(TraceHeader.traceparent(headers)).isNull();

        headers.add(TraceHeader.TRACEPARENT, NOT_SAMPLED.getBytes(StandardCharsets.UTF_8));
        headers.add(TraceHeader.TRACEPARENT, SAMPLED.getBytes(StandardCharsets.UTF_8));

        assertThat(TraceHeader.traceparent(headers)).isEqualTo(SAMPLED);
    }

}
