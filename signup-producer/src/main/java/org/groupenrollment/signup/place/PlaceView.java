package org.groupenrollment.signup.place;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.stereotype.Component;

/**
 * Every place the processor has published, in memory, rebuilt by each instance from the
 * compacted places topic when it starts: what the "your place" page shows. Places that
 * last (seats and places in line) are all kept, since a position counts everyone ahead;
 * of the places that ended, the newest {@value #ENDED_KEPT} are kept, to tell people how
 * theirs ended. No personal data is held: signup ids, groups, seats and tickets.
 */
@Component
public class PlaceView {

    static final int ENDED_KEPT = 100_000;

    private final Map<UUID, Place> lasting = new HashMap<>();

    private final Map<UUID, Place> ended = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Place> eldest) {
            return size() > ENDED_KEPT;
        }
    };

    /**
     * Each group's line: ticket to signup id, so that a position counts the tickets
     * ahead.
     */
    private final Map<String, TreeMap<Long, UUID>> lines = new HashMap<>();

    private final Map<UUID, CompletableFuture<Place>> awaited = new ConcurrentHashMap<>();

    public void on(Place place) {
        synchronized (this) {
            Place before = lasting.remove(place.signupId());
            ended.remove(place.signupId());
            if (before != null && before.waitlistTicket() != null) {
                line(before.groupId()).remove(before.waitlistTicket());
            }
            if (place.state().isOver()) {
                ended.put(place.signupId(), place);
            }
            else {
                lasting.put(place.signupId(), place);
                if (place.state() == Place.State.WAITLISTED && place.waitlistTicket() != null) {
                    line(place.groupId()).put(place.waitlistTicket(), place.signupId());
                }
            }
        }
        CompletableFuture<Place> waiting = awaited.remove(place.signupId());
        if (waiting != null) {
            waiting.complete(place);
        }
    }

    /**
     * The signup's place as it stands now; for a later signup of someone already in the
     * group, the place of their first.
     */
    public synchronized Optional<PlaceNow> find(UUID signupId) {
        Place place = known(signupId);
        if (place != null && place.originalSignupId() != null) {
            place = known(place.originalSignupId());
        }
        return Optional.ofNullable(place).map(this::now);
    }

    /**
     * Waits until the place changes after {@code since} (say, once the processor applied
     * a request), or {@code timeout} passes; then answers where it stands.
     */
    public Optional<PlaceNow> awaitChange(UUID placeId, Instant since, Duration timeout) {
        CompletableFuture<Place> changed = awaited.computeIfAbsent(placeId, id -> new CompletableFuture<>());
        Optional<PlaceNow> already = find(placeId).filter(now -> now.place().changedAt().isAfter(since));
        if (already.isEmpty()) {
            try {
                changed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            catch (TimeoutException | ExecutionException notYet) {
                // answered from what is known
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        return find(placeId);
    }

    private Place known(UUID signupId) {
        Place place = lasting.get(signupId);
        return (place != null) ? place : ended.get(signupId);
    }

    private PlaceNow now(Place place) {
        if (place.state() != Place.State.WAITLISTED || place.waitlistTicket() == null) {
            return new PlaceNow(place, 0);
        }
        return new PlaceNow(place, line(place.groupId()).headMap(place.waitlistTicket()).size() + 1);
    }

    private TreeMap<Long, UUID> line(String groupId) {
        return lines.computeIfAbsent(groupId, id -> new TreeMap<>());
    }

}
