package org.groupenrollment.eligibility.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One group's seats and waitlist, as its single writer keeps them: who holds each seat
 * (until when, or for good) and who waits, in order. People are named by signup id and by
 * the keyed hash of their address, never in clear; how to email someone promoted from the
 * waitlist is kept beside the ledger, where erasure can reach it. Immutable.
 *
 * <p>
 * Seats and places taken before the ledger knew its holders have no signup id: they
 * count, and are never released or promoted by a request.
 */
public record GroupLedger(List<Seat> seats, List<Waiting> waitlist, Map<String, Integer> capacityChanges) {

    public static final GroupLedger EMPTY = new GroupLedger(List.of(), List.of(), Map.of());

    public GroupLedger {
        seats = List.copyOf(seats);
        waitlist = List.copyOf(waitlist);
        capacityChanges = Map.copyOf(capacityChanges);
    }

    /**
     * A seat, held until {@code holdExpiresAt} or, when that is null, the holder's until
     * they cancel.
     */
    public record Seat(UUID signupId, String personKey, String cohortId, int seatNumber, Instant holdExpiresAt) {

        public boolean isHeld() {
            return holdExpiresAt != null;
        }

        Seat confirmed() {
            return new Seat(signupId, personKey, cohortId, seatNumber, null);
        }

    }

    public record Waiting(UUID signupId, String personKey) {
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
     * Capacity less the seats taken, never below zero (a lowered capacity evicts nobody).
     */
    public int free(Cohort cohort) {
        return Math.max(0, capacity(cohort) - taken(cohort));
    }

    public int waitlistLength() {
        return waitlist.size();
    }

    public Optional<Seat> seatOf(UUID signupId) {
        return seats.stream().filter(seat -> signupId.equals(seat.signupId())).findFirst();
    }

    /** The 1-based place in line, or 0 when not waiting. */
    public int waitlistPosition(UUID signupId) {
        for (int i = 0; i < waitlist.size(); i++) {
            if (signupId.equals(waitlist.get(i).signupId())) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The lowest seat number of the cohort nobody holds. */
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
        return new GroupLedger(next, waitlist, capacityChanges);
    }

    GroupLedger withoutSeat(Seat seat) {
        List<Seat> next = new ArrayList<>(seats);
        next.remove(seat);
        return new GroupLedger(next, waitlist, capacityChanges);
    }

    GroupLedger withSeatReplaced(Seat old, Seat replacement) {
        List<Seat> next = new ArrayList<>(seats);
        next.set(next.indexOf(old), replacement);
        return new GroupLedger(next, waitlist, capacityChanges);
    }

    GroupLedger withWaiting(Waiting waiting) {
        List<Waiting> next = new ArrayList<>(waitlist);
        next.add(waiting);
        return new GroupLedger(seats, next, capacityChanges);
    }

    GroupLedger withoutWaiting(Waiting waiting) {
        List<Waiting> next = new ArrayList<>(waitlist);
        next.remove(waiting);
        return new GroupLedger(seats, next, capacityChanges);
    }

    GroupLedger withCapacity(Cohort cohort, int capacity) {
        Map<String, Integer> next = new LinkedHashMap<>(capacityChanges);
        next.put(cohort.id(), capacity);
        return new GroupLedger(seats, waitlist, next);
    }

}
