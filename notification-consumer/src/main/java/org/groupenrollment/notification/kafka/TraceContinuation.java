package org.groupenrollment.notification.kafka;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.groupenrollment.events.tracing.TraceHeader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.stereotype.Component;

/**
 * Continues each record's trace through the email it becomes, by hand, in place of
 * spring-kafka's listener observation (off in this service): that observation made an
 * observation and its context for every record, sampled or not, and cost a tenth of the
 * emails' rate (bench/run). A sampled trace gets a consumer span around the listener, the
 * SMTP send inside it; one not sampled puts its ids in the log lines only; a record that
 * names no trace is handled as it is. Boot's listener container factory takes this bean,
 * so the retry topics' containers continue traces too.
 */
@Component
class TraceContinuation implements RecordInterceptor<Object, Object> {

    private static final Propagator.Getter<Headers> FROM_HEADERS = (headers, key) -> TraceHeader.traceparent(headers);

    private final Tracer tracer;

    private final Propagator propagator;

    /**
     * The trace each listener thread is in, from {@code intercept} to
     * {@code afterRecord}.
     */
    private final ThreadLocal<Continued> current = new ThreadLocal<>();

    TraceContinuation(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
        this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
    }

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
            Consumer<Object, Object> consumer) {
        end(current.get());
        String traceparent = TraceHeader.traceparent(record.headers());
        if (traceparent != null) {
            current.set(TraceHeader.sampled(traceparent) ? inSpan(record)
                    : new Continued(null, null, TraceHeader.inLogLines(traceparent)));
        }
        return record;
    }

    private Continued inSpan(ConsumerRecord<Object, Object> record) {
        Span span = propagator.extract(record.headers(), FROM_HEADERS)
            .name(record.topic() + " receive")
            .kind(Span.Kind.CONSUMER)
            .tag("messaging.system", "kafka")
            .tag("messaging.destination.name", record.topic())
            .start();
        return new Continued(span, tracer.withSpan(span), null);
    }

    @Override
    public void failure(ConsumerRecord<Object, Object> record, Exception exception, Consumer<Object, Object> consumer) {
        Continued continued = current.get();
        if (continued != null && continued.span() != null) {
            continued.span().error(exception);
        }
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        end(current.get());
    }

    private void end(Continued continued) {
        if (continued == null) {
            return;
        }
        current.remove();
        if (continued.scope() != null) {
            continued.scope().close();
            continued.span().end();
        }
        if (continued.ids() != null) {
            continued.ids().close();
        }
    }

    /**
     * A sampled trace's span and its scope, or an unsampled one's ids in the log lines.
     */
    private record Continued(Span span, Tracer.SpanInScope scope, TraceHeader.InLogLines ids) {
    }

}
