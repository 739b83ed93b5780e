package org.groupenrollment.console.groups;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.springframework.stereotype.Component;

/**
 * The console's reading of the groups, built from the topics and rebuilt from them at
 * every start: the processor's availability and places (no personal data), the signups (a
 * person's details), the events about each place (its history) and the erasures (whose
 * details to forget). Indexed by group, so a group's page costs its own people, never
 * everyone's. Kept in memory only: the topics are the one durable copy, so erasing a
 * person there leaves nothing here after a restart.
 */
@Component
public class Board {

    private final Map<String, GroupSeats> seats = new ConcurrentHashMap<>();

    private final Map<String, Place> places = new ConcurrentHashMap<>();

    private final Map<String, Set<String>> lastingByGroup = new ConcurrentHashMap<>();

    private final Map<String, Person> people = new ConcurrentHashMap<>();

    private final Map<String, List<Happening>> histories = new ConcurrentHashMap<>();

    private final Set<String> erased = ConcurrentHashMap.newKeySet();

    private final Object changes = new Object();

    public void on(GroupSeats group) {
        seats.merge(group.groupId(), group, (known, fresh) -> fresh.asOf().isBefore(known.asOf()) ? known : fresh);
        changed();
    }

    public void on(Place place) {
        if (place.isSecondSignup()) {
            return;
        }
        Place before = places.put(place.signupId(), place);
        if (before != null && !before.groupId().equals(place.groupId())) {
            lasting(before.groupId()).remove(place.signupId());
        }
        if (place.lasts()) {
            lasting(place.groupId()).add(place.signupId());
        }
        else {
            lasting(place.groupId()).remove(place.signupId());
        }
        changed();
    }

    /**
     * A person's details, unless they were erased: read again after a restart, their
     * record names nobody any more, and the board keeps it that way.
     */
    public void on(Person person) {
        if (!erased.contains(person.signupId())) {
            people.put(person.signupId(), person);
        }
        changed();
    }

    /**
     * Forgets the people of {@code signupIds}, erased at their request or staff's: their
     * details leave the board, now and after any restart; their places and histories,
     * which name nobody, stay.
     */
    public void forget(Collection<String> signupIds) {
        erased.addAll(signupIds);
        signupIds.forEach(people::remove);
        changed();
    }

    boolean isErased(String signupId) {
        return erased.contains(signupId);
    }

    public void on(Happening happening) {
        histories.computeIfAbsent(happening.signupId(), id -> new CopyOnWriteArrayList<>()).add(happening);
        changed();
    }

    /** Every group the processor has published seats for. */
    public Map<String, GroupSeats> seats() {
        return Map.copyOf(seats);
    }

    Optional<GroupSeats> seats(String groupId) {
        return Optional.ofNullable(seats.get(groupId));
    }

    /** The seats of a group by cohort and seat number, then its line in ticket order. */
    public GroupPeople people(String groupId) {
        List<Entry> seated = new ArrayList<>();
        List<Entry> waiting = new ArrayList<>();
        for (String signupId : lasting(groupId)) {
            Place place = places.get(signupId);
            if (place == null || !place.lasts()) {
                continue;
            }
            Entry entry = new Entry(place, people.get(signupId), promoted(signupId));
            (place.isSeat() ? seated : waiting).add(entry);
        }
        seated.sort(Comparator.comparing((Entry entry) -> entry.place().cohortId())
            .thenComparing(entry -> entry.place().seatNumber()));
        waiting.sort(Comparator.comparing(entry -> entry.place().waitlistTicket()));
        return new GroupPeople(seated, waiting);
    }

    Optional<PlaceFile> file(String signupId) {
        Person person = people.get(signupId);
        Place place = places.get(signupId);
        List<Happening> history = histories.getOrDefault(signupId, List.of());
        if (person == null && place == null && history.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PlaceFile(signupId, Optional.ofNullable(place), Optional.ofNullable(person),
                history.stream().sorted(Comparator.comparing(Happening::at)).toList()));
    }

    Optional<Place> place(String signupId) {
        return Optional.ofNullable(places.get(signupId));
    }

    /**
     * Waits until {@code condition} holds, checking it again with each change the topics
     * bring, for at most {@code patience}.
     */
    boolean awaitUntil(BooleanSupplier condition, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        synchronized (changes) {
            while (!condition.getAsBoolean()) {
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (left <= 0) {
                    return false;
                }
                changes.wait(left);
            }
            return true;
        }
    }

    private boolean promoted(String signupId) {
        return histories.getOrDefault(signupId, List.of())
            .stream()
            .anyMatch(happening -> happening.kind() == Happening.Kind.OFFERED_FROM_WAITLIST);
    }

    private Set<String> lasting(String groupId) {
        return lastingByGroup.computeIfAbsent(groupId, id -> ConcurrentHashMap.newKeySet());
    }

    private void changed() {
        synchronized (changes) {
            changes.notifyAll();
        }
    }

    /** One lasting place with its person, when the signup has been read. */
    public record Entry(Place place, Person person, boolean promoted) {
    }

    public record GroupPeople(List<Entry> seated, List<Entry> waiting) {

        public int size() {
            return seated.size() + waiting.size();
        }

    }

    /** Everything known of one signup: where it stands, who, and what happened. */
    record PlaceFile(String signupId, Optional<Place> place, Optional<Person> person, List<Happening> history) {

        Optional<Happening.EmailSource> lastEmail() {
            return history.stream().map(Happening::email).filter(java.util.Objects::nonNull).reduce((a, b) -> b);
        }

    }

}
