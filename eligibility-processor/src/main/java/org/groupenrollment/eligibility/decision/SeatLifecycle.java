package org.groupenrollment.eligibility.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What happens to a group's places after the signup: confirming a held seat, cancelling a
 * seat or a place in line, a hold running out, staff changing a cohort's capacity. A pure
 * function of the ledger and the line, like the eligibility rule; the processor applies
 * each request and each expiry exactly once, in order with the signups. Whenever a seat
 * is released or a capacity grows, the first in line gets it as a new hold (or for good,
 * when no confirmation is asked), and everyone behind moves up one.
 *
 * <p>
 * A request for a place that has already changed (confirmed, expired, cancelled,
 * promoted) is answered for what it found and changes nothing.
 */
public final class SeatLifecycle {

    private final EligibilityRules rules;

    public SeatLifecycle(EligibilityRules rules) {
        this.rules = rules;
    }

    /** What a request found. */
    public enum Answer {

        /** Done: the changes say what. */
        APPLIED,
        /** The seat was confirmed before; nothing more to do. */
        ALREADY_CONFIRMED,
        /** The hold ran out before the confirmation came; the sweep releases it. */
        HOLD_EXPIRED,
        /** No place of this signup of the kind asked for (never, or no longer). */
        NO_PLACE

    }

    /** Who gave a place up: the person, from their page, or staff. */
    public enum Requester {

        PERSON, STAFF

    }

    public enum ReleaseReason {

        CANCELLED_BY_PERSON, CANCELLED_BY_STAFF, HOLD_EXPIRED,
        /**
         * Given up because its person was erased: nobody is told, there is nobody left.
         */
        ERASED

    }

    /** One thing that changed, to be published as an event. */
    public sealed interface Change {

        record Confirmed(GroupLedger.Seat seat) implements Change {
        }

        record Released(GroupLedger.Seat seat, ReleaseReason reason) implements Change {
        }

        record LeftWaitlist(Waiting place, Requester by) implements Change {
        }

        /** The first in line given a seat that opened. */
        record Promoted(Waiting from, GroupLedger.Seat seat) implements Change {
        }

        record CapacityChanged(Cohort cohort, int previous, int capacity) implements Change {
        }

        /** A place in line given up because its person was erased. */
        record ErasedFromLine(Waiting place) implements Change {
        }

        /**
         * Everything of the place's person to be forgotten, whether or not they still
         * held a place: always the last change of an erasure.
         */
        record Forgotten(UUID placeId) implements Change {
        }

    }

    /** The answer, the ledger after the request, and what changed, in order. */
    public record Result(Answer answer, GroupLedger ledger, List<Change> changes) {

        static Result unchanged(Answer answer, GroupLedger ledger) {
            return new Result(answer, ledger, List.of());
        }

    }

    public Result confirm(GroupLedger ledger, UUID signupId, Instant now) {
        Optional<GroupLedger.Seat> seat = ledger.seatOf(signupId);
        if (seat.isEmpty()) {
            return Result.unchanged(Answer.NO_PLACE, ledger);
        }
        if (!seat.get().isHeld()) {
            return Result.unchanged(Answer.ALREADY_CONFIRMED, ledger);
        }
        if (seat.get().hasRunOutBy(now)) {
            return Result.unchanged(Answer.HOLD_EXPIRED, ledger);
        }
        GroupLedger.Seat confirmed = seat.get().confirmed();
        return new Result(Answer.APPLIED, ledger.withSeatReplaced(seat.get(), confirmed),
                List.of(new Change.Confirmed(confirmed)));
    }

    /**
     * Gives up the signup's seat, held or confirmed, promoting the first in line, or its
     * place in line ({@code waiting}, when it has one).
     */
    public Result cancel(TherapyGroup group, GroupLedger ledger, UUID signupId, Optional<Waiting> waiting, Requester by,
            Instant now, Iterator<Waiting> line) {
        Optional<GroupLedger.Seat> seat = ledger.seatOf(signupId);
        if (seat.isEmpty()) {
            return leaveWaitlist(ledger, waiting, by);
        }
        ReleaseReason reason = (by == Requester.PERSON) ? ReleaseReason.CANCELLED_BY_PERSON
                : ReleaseReason.CANCELLED_BY_STAFF;
        List<Change> changes = new ArrayList<>(List.of(new Change.Released(seat.get(), reason)));
        GroupLedger next = promote(group, ledger.withoutSeat(seat.get()), now, line, changes);
        return new Result(Answer.APPLIED, next, changes);
    }

    /**
     * Erases the person of a place: their seat is released (the first in line promoted,
     * as for a cancellation) or their place in line given up, and then they are
     * forgotten. Applied whatever their place's state, even ended: an erasure always
     * forgets.
     */
    public Result erase(TherapyGroup group, GroupLedger ledger, UUID placeId, Optional<Waiting> waiting, Instant now,
            Iterator<Waiting> line) {
        List<Change> changes = new ArrayList<>();
        GroupLedger next = ledger;
        Optional<GroupLedger.Seat> seat = ledger.seatOf(placeId);
        if (seat.isPresent()) {
            changes.add(new Change.Released(seat.get(), ReleaseReason.ERASED));
            next = promote(group, ledger.withoutSeat(seat.get()), now, line, changes);
        }
        else if (waiting.isPresent()) {
            changes.add(new Change.ErasedFromLine(waiting.get()));
            next = ledger.withLeaver();
        }
        changes.add(new Change.Forgotten(placeId));
        return new Result(Answer.APPLIED, next, changes);
    }

    /** Gives up a place in line; a seat is not left this way. */
    public Result leaveWaitlist(GroupLedger ledger, Optional<Waiting> waiting, Requester by) {
        if (waiting.isEmpty()) {
            return Result.unchanged(Answer.NO_PLACE, ledger);
        }
        return new Result(Answer.APPLIED, ledger.withLeaver(), List.of(new Change.LeftWaitlist(waiting.get(), by)));
    }

    /** Releases every hold that has run out by {@code now}, and fills the seats again. */
    public Result expireHolds(TherapyGroup group, GroupLedger ledger, Instant now, Iterator<Waiting> line) {
        List<Change> changes = new ArrayList<>();
        GroupLedger next = ledger;
        for (GroupLedger.Seat seat : ledger.seats()) {
            if (seat.hasRunOutBy(now)) {
                changes.add(new Change.Released(seat, ReleaseReason.HOLD_EXPIRED));
                next = next.withoutSeat(seat);
            }
        }
        if (changes.isEmpty()) {
            return Result.unchanged(Answer.NO_PLACE, ledger);
        }
        return new Result(Answer.APPLIED, promote(group, next, now, line, changes), changes);
    }

    /**
     * Sets a cohort's seats. Lowered below the seats taken, nobody loses theirs, and no
     * seat is given until it is under; raised, the line moves.
     */
    public Result changeCapacity(TherapyGroup group, GroupLedger ledger, Cohort cohort, int capacity, Instant now,
            Iterator<Waiting> line) {
        if (capacity < 0) {
            throw new IllegalArgumentException("A capacity cannot be negative: " + capacity);
        }
        List<Change> changes = new ArrayList<>(
                List.of(new Change.CapacityChanged(cohort, ledger.capacity(cohort), capacity)));
        GroupLedger next = promote(group, ledger.withCapacity(cohort, capacity), now, line, changes);
        return new Result(Answer.APPLIED, next, changes);
    }

    /**
     * Gives every free seat, cohort by cohort in catalog order, to the first in line,
     * each as a new hold (or for good, when no confirmation is asked).
     */
    private GroupLedger promote(TherapyGroup group, GroupLedger ledger, Instant now, Iterator<Waiting> line,
            List<Change> changes) {
        GroupLedger next = ledger;
        for (Cohort cohort : group.cohorts()) {
            while (next.free(cohort) > 0 && next.waitlistLength() > 0 && line.hasNext()) {
                Waiting first = line.next();
                GroupLedger.Seat seat = new GroupLedger.Seat(first.signupId(), cohort.id(), next.freeSeatNumber(cohort),
                        rules.holdUntil(now));
                next = next.withSeat(seat).withLeaver();
                changes.add(new Change.Promoted(first, seat));
            }
        }
        return next;
    }

}
