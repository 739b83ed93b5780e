package org.groupenrollment.signup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Remembers, per Idempotency-Key, which signup a request became, so a retried submission
 * is the same signup. Bounded in size and age; held in memory, so a retry that reaches
 * another instance or comes after a restart becomes a new signup (the processor still
 * gives the same person the same seat, so this costs an email, never a seat).
 */
final class IdempotencyKeys {

    private final Map<String, Entry> entries;

    private final Duration retention;

    private final Clock clock;

    IdempotencyKeys(int capacity, Duration retention, Clock clock) {
        this.retention = retention;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Optional<Entry> find(String key) {
        Entry entry = entries.get(key);
        if (entry != null && entry.storedAt().plus(retention).isBefore(clock.instant())) {
            entries.remove(key);
            return Optional.empty();
        }
        return Optional.ofNullable(entry);
    }

    synchronized void remember(String key, UUID signupId, SignupRequest request) {
        entries.put(key, new Entry(signupId, request, clock.instant()));
    }

    record Entry(UUID signupId, SignupRequest request, Instant storedAt) {
    }

}
