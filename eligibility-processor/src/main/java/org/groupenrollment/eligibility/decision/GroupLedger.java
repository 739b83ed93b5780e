package org.groupenrollment.eligibility.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One group's seats as its single writer keeps them: who holds each seat (until when, or
 * for good), the capacities staff changed, and the waitlist's length and next ticket. The
 * people waiting are not in the ledger but in line ({@link Waiting}), so that a waitlist
 * of thousands costs a decision nothing. People appear by signup id only. Immutable.
 *
 * <p>
 * A seat counted before the ledger knew its holders has no signup id: it counts, and no
 * request releases it.
 */
public record GroupLedger(List<Seat> seats, Map<String, Integer> capacityChanges, long nextTicket, int waitlistLength) {

    public static final GroupLedger EMPTY = new GroupLedger(List.of(), Map.of(), 1, 0);

    public GroupLedger {
        seats = List.copyOf(seats);
        capacityChanges = Map.copyOf(capacityChanges);
    }

    /**
     * A seat, held until {@code holdExpiresAt} for its person to confirm or, when that is
     * null, theirs until they cancel.
     */
    public record Seat(UUID signupId, String cohortId, int seatNumber, Instant holdExpiresAt) {

        public boolean isHeld() {
            return holdExpiresAt != null;
        }

        /** A hold runs out at its expiry: confirming at that instant is too late. */
        public boolean hasRunOutBy(Instant now) {
            return isHeld() && !holdExpiresAt.isAfter(now);
        }

        Seat confirmed() {
            return new Seat(signupId, cohortId, seatNumber, null);
        }

    }

    /** The cohort's seats now: the catalog's, unless staff changed them. */
    public int capacity(Cohort cohort) {
        return capacityChanges.getOrDefault(cohort.id(), cohort.capacity());
    }

    public int taken(Cohort cohort) {
        return (int) seats.stream().filter(seat -> seat.cohortId().equals(cohort.id())).count();
    }

    public int held(Cohort cohort) {
        return (int) seats.stream().filter(seat -> seat.cohortId().equals(cohort.id()) && seat.isHeld()).count();
    }

    /**
     * Capacity less the seats taken, never below zero: a capacity lowered below the seats
     * taken evicts nobody.
     */
    public int free(Cohort cohort) {
        return Math.max(0, capacity(cohort) - taken(cohort));
    }

    public Optional<Seat> seatOf(UUID signupId) {
        return seats.stream().filter(seat -> signupId.equals(seat.signupId())).findFirst();
    }

    public boolean hasHoldRunOutBy(Instant now) {
        return seats.stream().anyMatch(seat -> seat.hasRunOutBy(now));
    }

    /** The lowest seat number of the cohort that nobody holds. */
    int freeSeatNumber(Cohort cohort) {
        int number = 1;
        while (seatNumberTaken(cohort, number)) {
            number++;
        }
        return number;
    }

    private boolean seatNumberTaken(Cohort cohort, int number) {
        return seats.stream().anyMatch(seat -> seat.cohortId().equals(cohort.id()) && seat.seatNumber() == number);
    }

    GroupLedger withSeat(Seat seat) {
        List<Seat> next = new ArrayList<>(seats);
        next.add(seat);
        return new GroupLedger(next, capacityChanges, nextTicket, waitlistLength);
    }

    GroupLedger withoutSeat(Seat seat) {
        List<Seat> next = new ArrayList<>(seats);
        next.remove(seat);
        return new GroupLedger(next, capacityChanges, nextTicket, waitlistLength);
    }

    GroupLedger withSeatReplaced(Seat old, Seat replacement) {
        List<Seat> next = new ArrayList<>(seats);
        next.set(next.indexOf(old), replacement);
        return new GroupLedger(next, capacityChanges, nextTicket, waitlistLength);
    }

    GroupLedger withCapacity(Cohort cohort, int capacity) {
        Map<String, Integer> next = new LinkedHashMap<>(capacityChanges);
        next.put(cohort.id(), capacity);
        return new GroupLedger(seats, next, nextTicket, waitlistLength);
    }

    /** One more in line, with the next ticket. */
    GroupLedger withJoiner() {
        return new GroupLedger(seats, capacityChanges, nextTicket + 1, waitlistLength + 1);
    }

    GroupLedger withLeaver() {
        return new GroupLedger(seats, capacityChanges, nextTicket, waitlistLength - 1);
    }

}
