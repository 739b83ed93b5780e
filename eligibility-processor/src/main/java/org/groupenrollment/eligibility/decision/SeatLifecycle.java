package org.groupenrollment.eligibility.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What happens to a group's places after the signup: confirming a held seat, cancelling a
 * seat or leaving the waitlist, a hold running out, staff changing a cohort's capacity. A
 * pure function of the ledger, like the eligibility rule; the processor applies each
 * request and each expiry exactly once, in order with the signups. Whenever a seat is
 * released or a capacity grows, the first in line gets the seat as a new hold (or for
 * good, when no confirmation is asked), and everyone behind moves up one.
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
        /** The hold ran out before the confirmation came. */
        HOLD_EXPIRED,
        /**
         * No seat or waitlist place of this signup in this group (never, or no longer).
         */
        NO_PLACE

    }

    /** Who gave a place up: the person, from their page, or staff. */
    public enum Requester {

        PERSON, STAFF

    }

    /** One thing that changed in the ledger, to be published as an event. */
    public sealed interface Change {

        record Confirmed(GroupLedger.Seat seat) implements Change {
        }

        record Released(GroupLedger.Seat seat, ReleaseReason reason) implements Change {
        }

        record LeftWaitlist(GroupLedger.Waiting place, Requester by) implements Change {
        }

        /** The first in line given a seat that opened. */
        record Promoted(GroupLedger.Seat seat) implements Change {
        }

        record CapacityChanged(Cohort cohort, int previous, int capacity) implements Change {
        }

    }

    public enum ReleaseReason {

        CANCELLED_BY_PERSON, CANCELLED_BY_STAFF, HOLD_EXPIRED

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
        if (!seat.get().holdExpiresAt().isAfter(now)) {
            // Released by the next expiry sweep, with its own email; not by a late click.
            return Result.unchanged(Answer.HOLD_EXPIRED, ledger);
        }
        GroupLedger.Seat confirmed = seat.get().confirmed();
        return new Result(Answer.APPLIED, ledger.withSeatReplaced(seat.get(), confirmed),
                List.of(new Change.Confirmed(confirmed)));
    }

    /** Gives up the signup's seat, held or confirmed, or its place on the waitlist. */
    public Result cancel(TherapyGroup group, GroupLedger ledger, UUID signupId, Requester by, Instant now) {
        Optional<GroupLedger.Seat> seat = ledger.seatOf(signupId);
        if (seat.isPresent()) {
            ReleaseReason reason = (by == Requester.PERSON) ? ReleaseReason.CANCELLED_BY_PERSON
                    : ReleaseReason.CANCELLED_BY_STAFF;
            List<Change> changes = new ArrayList<>(List.of(new Change.Released(seat.get(), reason)));
            GroupLedger next = promote(group, ledger.withoutSeat(seat.get()), now, changes);
            return new Result(Answer.APPLIED, next, changes);
        }
        int position = ledger.waitlistPosition(signupId);
        if (position == 0) {
            return Result.unchanged(Answer.NO_PLACE, ledger);
        }
        GroupLedger.Waiting place = ledger.waitlist().get(position - 1);
        return new Result(Answer.APPLIED, ledger.withoutWaiting(place), List.of(new Change.LeftWaitlist(place, by)));
    }

    /** Releases every hold that has run out by {@code now}, and fills the seats again. */
    public Result expireHolds(TherapyGroup group, GroupLedger ledger, Instant now) {
        List<Change> changes = new ArrayList<>();
        GroupLedger next = ledger;
        for (GroupLedger.Seat seat : ledger.seats()) {
            if (seat.isHeld() && !seat.holdExpiresAt().isAfter(now)) {
                changes.add(new Change.Released(seat, ReleaseReason.HOLD_EXPIRED));
                next = next.withoutSeat(seat);
            }
        }
        if (changes.isEmpty()) {
            return Result.unchanged(Answer.NO_PLACE, ledger);
        }
        return new Result(Answer.APPLIED, promote(group, next, now, changes), changes);
    }

    /**
     * Sets a cohort's seats. Lowered below the seats taken, nobody loses theirs, and no
     * seat is given until it is under; raised, the waitlist moves.
     */
    public Result changeCapacity(TherapyGroup group, GroupLedger ledger, String cohortId, int capacity, Instant now) {
        if (capacity < 0) {
            throw new IllegalArgumentException("A capacity cannot be negative: " + capacity);
        }
        Cohort cohort = group.cohort(cohortId);
        int previous = ledger.capacity(cohort);
        List<Change> changes = new ArrayList<>(List.of(new Change.CapacityChanged(cohort, previous, capacity)));
        GroupLedger next = promote(group, ledger.withCapacity(cohort, capacity), now, changes);
        return new Result(Answer.APPLIED, next, changes);
    }

    /**
     * Gives every free seat, cohort by cohort in catalog order, to the first in line;
     * places that predate the ledger's knowing its people cannot be emailed and are
     * passed over.
     */
    private GroupLedger promote(TherapyGroup group, GroupLedger ledger, Instant now, List<Change> changes) {
        GroupLedger next = ledger;
        for (Cohort cohort : group.cohorts()) {
            while (next.free(cohort) > 0 && !next.waitlist().isEmpty()) {
                GroupLedger.Waiting first = next.waitlist().get(0);
                next = next.withoutWaiting(first);
                if (first.signupId() == null) {
                    continue;
                }
                GroupLedger.Seat seat = new GroupLedger.Seat(first.signupId(), first.personKey(), cohort.id(),
                        next.freeSeatNumber(cohort), rules.holdUntil(now));
                next = next.withSeat(seat);
                changes.add(new Change.Promoted(seat));
            }
        }
        return next;
    }

}
