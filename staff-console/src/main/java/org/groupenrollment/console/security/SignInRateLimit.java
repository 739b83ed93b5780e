package org.groupenrollment.console.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Password guessing, bounded: sign-in attempts per client address, a token bucket of
 * {@code attempts} refilled evenly over {@code per}. Beyond it the sign-in form answers
 * 429 with Retry-After, before the password is checked. The client address is the
 * connection's (behind a proxy, set server.forward-headers-strategy=native); each
 * instance counts on its own; the least recently seen addresses are forgotten first.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@EnableConfigurationProperties(SignInRateLimit.Settings.class)
class SignInRateLimit extends OncePerRequestFilter {

    private static final int ADDRESSES_REMEMBERED = 10_000;

    private final Settings settings;

    private final Map<String, Bucket> buckets = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > ADDRESSES_REMEMBERED;
        }

    });

    SignInRateLimit(Settings settings) {
        this.settings = settings;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !"/login".equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ConsumptionProbe probe = buckets.computeIfAbsent(request.getRemoteAddr(), address -> newBucket())
            .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        StaffSecurity.problem(response, HttpStatus.TOO_MANY_REQUESTS,
                "Too many sign-in attempts from your address; wait a few minutes and try again.");
    }

    private Bucket newBucket() {
        return Bucket.builder()
            .addLimit(limit -> limit.capacity(settings.attempts()).refillGreedy(settings.attempts(), settings.per()))
            .build();
    }

    /** {@code attempts} sign-ins per client address, refilled evenly over {@code per}. */
    @Validated
    @ConfigurationProperties("enrollment.console.sign-in-limit")
    record Settings(@Min(1) int attempts, @NotNull Duration per) {
    }

}
