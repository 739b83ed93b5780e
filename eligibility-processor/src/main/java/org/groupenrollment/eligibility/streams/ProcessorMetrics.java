package org.groupenrollment.eligibility.streams;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import org.groupenrollment.eligibility.decision.Decision;

/**
 * The processor's business metrics, counted where the stream processors act. Kafka
 * Streams creates the processors itself, so they count into Micrometer's global registry,
 * to which Boot adds its own (management.metrics.use-global-registry). Tags are bounded:
 * the kinds of decision, the catalog's groups, the pipeline's topics. A record processed
 * again after a crash (exactly-once retries its transaction) may be counted twice: the
 * counts are for rates and alerts, not for accounting.
 */
final class ProcessorMetrics {

    static final String DECISIONS = "enrollment.decisions";

    static final String HOLDS_EXPIRED = "enrollment.holds.expired";

    static final String DEAD_LETTERS = "enrollment.dead.letters";

    private ProcessorMetrics() {
    }

    /**
     * The counters already made, by outcome and group: looking one up in the registry
     * builds and sorts its tags each time, a cost per decision worth sparing.
     */
    private static final Map<String, Counter> DECISION_COUNTERS = new ConcurrentHashMap<>();

    static void decided(Decision decision, String groupId) {
        String outcome = outcome(decision);
        DECISION_COUNTERS
            .computeIfAbsent(outcome + "|" + groupId,
                    key -> Metrics.counter(DECISIONS, "outcome", outcome, "group", groupId))
            .increment();
    }

    static void holdsExpired(String groupId, long count) {
        Metrics.counter(HOLDS_EXPIRED, "group", groupId).increment(count);
    }

    /** A record of {@code sourceTopic} sent to its dead-letter topic. */
    static void deadLettered(String sourceTopic) {
        Metrics.counter(DEAD_LETTERS, "source", sourceTopic).increment();
    }

    private static String outcome(Decision decision) {
        if (decision instanceof Decision.SeatReserved) {
            return "seat_reserved";
        }
        if (decision instanceof Decision.Waitlisted) {
            return "waitlisted";
        }
        return "redirected_to_dbt";
    }

}
