package org.groupenrollment.notification.kafka;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.groupenrollment.events.tracing.TraceHeader;
import org.groupenrollment.testsupport.RecordedSpans;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

class TraceContinuationTests {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

    private static final String PARENT_SPAN = "b7ad6b7169203331";

    private final RecordedSpans exported = new RecordedSpans();

    private final SdkTracerProvider provider = SdkTracerProvider.builder()
        .addSpanProcessor(SimpleSpanProcessor.create(exported))
        .build();

    private final OtelCurrentTraceContext context = new OtelCurrentTraceContext();

    private final io.opentelemetry.api.trace.Tracer otel = provider.get("tests");

    private final Tracer tracer = new OtelTracer(otel, context, event -> {
    }, new OtelBaggageManager(context, List.of(), List.of()));

    private final TraceContinuation continuation = new TraceContinuation(provide(Tracer.class, tracer),
            provide(Propagator.class,
                    new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel)));

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void aSampledTraceGetsAConsumerSpanAroundTheListenerAsAChildOfTheRecordsSpan() {
        ConsumerRecord<Object, Object> record = record("00-" + TRACE_ID + "-" + PARENT_SPAN + "-01");
        AtomicReference<String> inListener = new AtomicReference<>();

        continuation.intercept(record, null);
        inListener.set(tracer.currentSpan().context().traceId());
        continuation.afterRecord(record, null);

        assertThat(inListener.get()).isEqualTo(TRACE_ID);
        assertThat(exported.spans).singleElement().satisfies(span -> {
            assertThat(span.getTraceId()).isEqualTo(TRACE_ID);
            assertThat(span.getParentSpanId()).isEqualTo(PARENT_SPAN);
            assertThat(span.getName()).isEqualTo("enrollment.seats.reserved receive");
            assertThat(span.getKind()).isEqualTo(io.opentelemetry.api.trace.SpanKind.CONSUMER);
        });
        assertThat(tracer.currentSpan()).isNull();
    }

    @Test
    void aFailedListenerMarksItsSpanAnError() {
        ConsumerRecord<Object, Object> record = record("00-" + TRACE_ID + "-" + PARENT_SPAN + "-01");

        continuation.intercept(record, null);
        continuation.failure(record, new IllegalStateException("SMTP refused"), null);
        continuation.afterRecord(record, null);

        assertThat(exported.spans).extracting(SpanData::getStatus)
            .extracting(status -> status.getStatusCode())
            .containsExactly(StatusCode.ERROR);
    }

    @Test
    void aTraceNotSampledPutsItsIdsInTheLogLinesAndStartsNoSpan() {
        ConsumerRecord<Object, Object> record = record("00-" + TRACE_ID + "-" + PARENT_SPAN + "-00");
        AtomicReference<String> inListener = new AtomicReference<>();

        continuation.intercept(record, null);
        inListener.set(MDC.get("traceId") + "-" + MDC.get("spanId"));
        continuation.afterRecord(record, null);

        assertThat(inListener.get()).isEqualTo(TRACE_ID + "-" + PARENT_SPAN);
        assertThat(MDC.get("traceId")).isNull();
        assertThat(exported.spans).isEmpty();
    }

    @Test
    void aRecordThatNamesNoTraceIsHandledAsItIs() {
        ConsumerRecord<Object, Object> record = new ConsumerRecord<>("enrollment.seats.reserved", 0, 7, "key", "value");

        continuation.intercept(record, null);
        String inListener = MDC.get("traceId");
        continuation.afterRecord(record, null);

        assertThat(inListener).isNull();
        assertThat(tracer.currentSpan()).isNull();
        assertThat(exported.spans).isEmpty();
    }

    private static ConsumerRecord<Object, Object> record(String traceparent) {
        ConsumerRecord<Object, Object> record = new ConsumerRecord<>("enrollment.seats.reserved", 0, 7, "key", "value");
        record.headers().add(TraceHeader.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static <T> ObjectProvider<T> provide(Class<T> type, T bean) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean(type.getSimpleName(), bean);
        return beans.getBeanProvider(type);
    }

}
