package org.groupenrollment.signup.web;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts every submission (the API's and the form's) by what became of it, read from the
 * answer's status, so that each refusal is counted wherever it was made (the body limit,
 * the rate limit, validation, the broker): {@value #SIGNUPS} with {@code outcome}
 * accepted or refused and a {@code reason}. Outermost of the filters, so nothing answers
 * before it sees the status.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SubmissionMetrics extends OncePerRequestFilter {

    static final String SIGNUPS = "enrollment.signups";

    private final ObjectProvider<MeterRegistry> registry;

    /**
     * The counter of each reason, made on its first use: a submission then costs a map
     * look-up, not a registry look-up and a counter's tags built anew.
     */
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    SubmissionMetrics(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !SubmissionRateLimit.SUBMISSIONS.contains(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        }
        finally {
            Counter counter = counters.computeIfAbsent(reason(response.getStatus()), this::counterOf);
            if (counter != null) {
                counter.increment();
            }
        }
    }

    /**
     * Null where no registry is configured (a slice test's context): nothing is counted.
     */
    private Counter counterOf(String reason) {
        MeterRegistry metrics = registry.getIfAvailable();
        return metrics == null ? null
                : metrics.counter(SIGNUPS, "outcome", reason.equals("none") ? "accepted" : "refused", "reason", reason);
    }

    /**
     * A 202 from the API or the form's redirect to its thank-you page is a signup taken.
     */
    static String reason(int status) {
        return switch (status) {
            case 202, 302, 303 -> "none";
            case 400 -> "invalid";
            case 409, 422 -> "idempotency_key_reused";
            case 413 -> "too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> "rate_limited";
            case 503 -> "unavailable";
            default -> "other";
        };
    }

}
