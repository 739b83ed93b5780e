package org.groupenrollment.signup.web;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
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
 * Submissions (the form's and the API's) per client address: a token bucket of
 * {@code submissions} refilled evenly over {@code per}, so that nobody can fill a group
 * with made-up signups in a second while a household or a clinic behind one address can
 * still sign up several people. A refused submission is a 429 with Retry-After, before
 * its body is read. IPv6 clients count per /64, the block one subscriber gets.
 *
 * <p>
 * The client address is the connection's, unless a deployment behind a proxy tells Tomcat
 * which proxies to believe ({@code server.forward-headers-strategy=native}); an
 * X-Forwarded-For header alone is never trusted. Each instance counts on its own.
 */
@Component
// Inside SubmissionMetrics, which counts what it refuses.
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
@ConditionalOnBooleanProperty(name = "enrollment.web.rate-limit.enabled", matchIfMissing = true)
@EnableConfigurationProperties(SubmissionRateLimit.Settings.class)
class SubmissionRateLimit extends OncePerRequestFilter {

    /** Where signups are submitted: the API and the form. */
    static final Set<String> SUBMISSIONS = Set.of("/api/signups", "/signups");

    private final Settings settings;

    private final Map<String, Bucket> buckets;

    SubmissionRateLimit(Settings settings) {
        this.settings = settings;
        this.buckets = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {

            // The least recently seen clients are forgotten first: memory stays bounded
            // however many addresses send.
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > settings.clientsRemembered();
            }

        });
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !SUBMISSIONS.contains(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ConsumptionProbe probe = buckets.computeIfAbsent(client(request.getRemoteAddr()), this::newBucket)
            .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
    }

    private Bucket newBucket(String client) {
        return Bucket.builder()
            .addLimit(limit -> limit.capacity(settings.submissions())
                .refillGreedy(settings.submissions(), settings.per()))
            .build();
    }

    static String client(String remoteAddress) {
        try {
            InetAddress address = InetAddress.getByName(remoteAddress);
            if (address instanceof Inet6Address) {
                return HexFormat.of().formatHex(Arrays.copyOf(address.getAddress(), 8)) + "::/64";
            }
            return address.getHostAddress();
        }
        catch (IOException notAnAddress) {
            return remoteAddress;
        }
    }

    /**
     * {@code submissions} per client address, refilled evenly over {@code per}; the
     * buckets of at most {@code clientsRemembered} addresses are kept.
     */
    @Validated
    @ConfigurationProperties("enrollment.web.rate-limit")
    record Settings(boolean enabled, @Min(1) int submissions, @NotNull Duration per, @Min(1) int clientsRemembered) {
    }

}
