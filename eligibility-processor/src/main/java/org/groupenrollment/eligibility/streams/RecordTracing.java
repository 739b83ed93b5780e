package org.groupenrollment.eligibility.streams;

import java.nio.charset.StandardCharsets;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Kafka Streams has no observation of its own, so the processor carries the trace by
 * hand: the work on each record is a span continuing the trace its headers name (the
 * signup service's, for a signup), every record forwarded meanwhile carries that span's
 * W3C traceparent, and its log lines the trace and span ids. One per processor instance,
 * so one stream thread's: not shared.
 */
public final class RecordTracing {

    /** What a stream processor traces with; no tracing at all for topology tests. */
    public record Tracing(Tracer tracer, Propagator propagator) {

        public static final Tracing NONE = new Tracing(Tracer.NOOP, Propagator.NOOP);

    }

    private static final Propagator.Getter<Headers> FROM_HEADERS = (headers, key) -> {
        Header header = headers.lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    };

    private static final Propagator.Setter<Headers> TO_HEADERS = (headers, key, value) -> {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    };

    private final Tracing tracing;

    private Headers outgoing = new RecordHeaders();

    RecordTracing(Tracing tracing) {
        this.tracing = tracing;
    }

    /**
     * Runs {@code work} in a span named {@code name}, a child of the trace in
     * {@code incoming} (a new trace when they name none, as for a punctuation).
     */
    void around(String name, Headers incoming, Runnable work) {
        Span span = tracing.propagator().extract(incoming, FROM_HEADERS).name(name).kind(Span.Kind.CONSUMER).start();
        try (Tracer.SpanInScope scope = tracing.tracer().withSpan(span)) {
            outgoing = new RecordHeaders();
            tracing.propagator().inject(span.context(), outgoing, TO_HEADERS);
            work.run();
        }
        catch (RuntimeException ex) {
            span.error(ex);
            throw ex;
        }
        finally {
            span.end();
            outgoing = new RecordHeaders();
        }
    }

    /** The headers for a record forwarded now: the current span's trace context. */
    Headers outgoing() {
        return new RecordHeaders(outgoing.toArray());
    }

}
