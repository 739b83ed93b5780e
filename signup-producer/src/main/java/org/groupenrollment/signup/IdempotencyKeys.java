package org.groupenrollment.signup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Remembers, per Idempotency-Key, which signup a request became and a keyed hash of what
 * it held (never the names and address themselves, which an erasure could not reach
 * here), so that a key reused for a different signup is refused, and a retry is answered
 * without publishing again. Bounded in size and age and held in memory: a retry that
 * reaches another instance or comes after a restart is published again, under the same
 * derived signup id, and changes nothing.
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

    synchronized void remember(String key, UUID signupId, String requestDigest) {
        entries.put(key, new Entry(signupId, requestDigest, clock.instant()));
    }

    record Entry(UUID signupId, String requestDigest, Instant storedAt) {
    }

}
