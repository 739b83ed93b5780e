package org.groupenrollment.eligibility.decision;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import org.groupenrollment.eligibility.decision.SeatLifecycle.Answer;
import org.groupenrollment.eligibility.decision.SeatLifecycle.Change;
import org.groupenrollment.eligibility.decision.SeatLifecycle.ReleaseReason;
import org.groupenrollment.eligibility.decision.SeatLifecycle.Requester;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.groupenrollment.eligibility.decision.AnxietyGroup.ANXIETY;
import static org.groupenrollment.eligibility.decision.AnxietyGroup.HOLD;
import static org.groupenrollment.eligibility.decision.AnxietyGroup.MONDAY_NOON;
import static org.groupenrollment.eligibility.decision.AnxietyGroup.SATURDAY;
import static org.groupenrollment.eligibility.decision.AnxietyGroup.TUESDAY;
import static org.groupenrollment.eligibility.decision.AnxietyGroup.afterSignups;
import static org.groupenrollment.eligibility.decision.AnxietyGroup.signupFrom;

/**
 * Every transition of a place, on the policy tests' anxiety group (Tuesday 2 seats,
 * Saturday 1) with a 72-hour hold: each ledger is built by signing people up, as the
 * processor does.
 */
class SeatLifecycleTests {

    private static final Instant AN_HOUR_LATER = MONDAY_NOON.plus(Duration.ofHours(1));

    private static final Instant AFTER_THE_HOLD = MONDAY_NOON.plus(HOLD);

    private final EligibilityPolicy policy = new EligibilityPolicy(AnxietyGroup.rules(HOLD));

    private final SeatLifecycle lifecycle = new SeatLifecycle(AnxietyGroup.rules(HOLD));

    /** Three seats held (two Tuesday, one Saturday) and two people waiting. */
    private final GroupLedger full = afterSignups(policy, 5);

    @Test
    void confirmingAHeldSeatMakesItTheirsAndChangesNothingElse() {
        GroupLedger.Seat held = full.seats().get(0);

        SeatLifecycle.Result result = lifecycle.confirm(full, held.signupId(), AN_HOUR_LATER);

        assertThat(result.answer()).isEqualTo(Answer.APPLIED);
        assertThat(result.changes()).containsExactly(new Change.Confirmed(held.confirmed()));
        assertThat(result.ledger().seatOf(held.signupId()))
            .hasValueSatisfying(seat -> assertThat(seat.isHeld()).isFalse());
        assertThat(result.ledger().held(TUESDAY)).isEqualTo(1);
        assertThat(result.ledger().waitlist()).isEqualTo(full.waitlist());
    }

    @Test
    void confirmingTwiceIsAnsweredAsAlreadyConfirmed() {
        UUID signup = full.seats().get(0).signupId();
        GroupLedger confirmed = lifecycle.confirm(full, signup, AN_HOUR_LATER).ledger();

        SeatLifecycle.Result again = lifecycle.confirm(confirmed, signup, AN_HOUR_LATER.plusSeconds(5));

        assertThat(again.answer()).isEqualTo(Answer.ALREADY_CONFIRMED);
        assertThat(again.ledger()).isEqualTo(confirmed);
        assertThat(again.changes()).isEmpty();
    }

    @Test
    void aConfirmationAfterTheHoldRanOutIsRefusedAndLeavesTheExpiryToTheSweep() {
        SeatLifecycle.Result late = lifecycle.confirm(full, full.seats().get(0).signupId(), AFTER_THE_HOLD);

        assertThat(late.answer()).isEqualTo(Answer.HOLD_EXPIRED);
        assertThat(late.ledger()).isEqualTo(full);
        assertThat(late.changes()).isEmpty();
    }

    @Test
    void confirmingOrCancellingAPlaceThatIsNotThereIsAnsweredTruthfullyAndChangesNothing() {
        UUID stranger = UUID.randomUUID();

        assertThat(lifecycle.confirm(full, stranger, AN_HOUR_LATER).answer()).isEqualTo(Answer.NO_PLACE);
        SeatLifecycle.Result cancel = lifecycle.cancel(ANXIETY, full, stranger, Requester.PERSON, AN_HOUR_LATER);
        assertThat(cancel.answer()).isEqualTo(Answer.NO_PLACE);
        assertThat(cancel.ledger()).isEqualTo(full);
    }

    @Test
    void cancellingASeatGivesItToTheFirstInLineAsANewHoldAndMovesEveryoneUp() {
        GroupLedger.Seat cancelled = full.seats().get(0);
        GroupLedger.Waiting first = full.waitlist().get(0);
        GroupLedger.Waiting second = full.waitlist().get(1);

        SeatLifecycle.Result result = lifecycle.cancel(ANXIETY, full, cancelled.signupId(), Requester.PERSON,
                AN_HOUR_LATER);

        GroupLedger.Seat promoted = new GroupLedger.Seat(first.signupId(), first.personKey(), "anxiety-tue",
                cancelled.seatNumber(), AN_HOUR_LATER.plus(HOLD));
        assertThat(result.changes()).containsExactly(new Change.Released(cancelled, ReleaseReason.CANCELLED_BY_PERSON),
                new Change.Promoted(promoted));
        assertThat(result.ledger().seatOf(first.signupId())).contains(promoted);
        assertThat(result.ledger().waitlist()).containsExactly(second);
        assertThat(result.ledger().waitlistPosition(second.signupId())).isEqualTo(1);
    }

    @Test
    void cancellingTwiceReleasesOneSeatAndPromotesOnce() {
        UUID signup = full.seats().get(0).signupId();
        GroupLedger once = lifecycle.cancel(ANXIETY, full, signup, Requester.STAFF, AN_HOUR_LATER).ledger();

        SeatLifecycle.Result twice = lifecycle.cancel(ANXIETY, once, signup, Requester.STAFF, AN_HOUR_LATER);

        assertThat(twice.answer()).isEqualTo(Answer.NO_PLACE);
        assertThat(twice.ledger()).isEqualTo(once);
        assertThat(once.waitlistLength()).isEqualTo(1);
    }

    @Test
    void staffCancellingAConfirmedSeatReleasesItAsCancelledByStaff() {
        GroupLedger.Seat seat = full.seats().get(2);
        GroupLedger confirmed = lifecycle.confirm(full, seat.signupId(), AN_HOUR_LATER).ledger();

        SeatLifecycle.Result result = lifecycle.cancel(ANXIETY, confirmed, seat.signupId(), Requester.STAFF,
                AN_HOUR_LATER);

        assertThat(result.changes().get(0))
            .isEqualTo(new Change.Released(seat.confirmed(), ReleaseReason.CANCELLED_BY_STAFF));
        assertThat(result.changes().get(1)).isInstanceOfSatisfying(Change.Promoted.class,
                promoted -> assertThat(promoted.seat().cohortId()).isEqualTo(SATURDAY.id()));
    }

    @Test
    void leavingTheWaitlistMovesEveryoneBehindUpAndGivesNoSeat() {
        GroupLedger.Waiting first = full.waitlist().get(0);
        GroupLedger.Waiting second = full.waitlist().get(1);

        SeatLifecycle.Result result = lifecycle.cancel(ANXIETY, full, first.signupId(), Requester.PERSON,
                AN_HOUR_LATER);

        assertThat(result.changes()).containsExactly(new Change.LeftWaitlist(first, Requester.PERSON));
        assertThat(result.ledger().waitlistPosition(second.signupId())).isEqualTo(1);
        assertThat(result.ledger().seats()).isEqualTo(full.seats());
    }

    @Test
    void holdsThatRanOutAreReleasedAndTheirSeatsGoToTheFirstInLine() {
        GroupLedger.Seat kept = full.seats().get(0);
        GroupLedger partlyConfirmed = lifecycle.confirm(full, kept.signupId(), AN_HOUR_LATER).ledger();

        SeatLifecycle.Result result = lifecycle.expireHolds(ANXIETY, partlyConfirmed, AFTER_THE_HOLD);

        assertThat(result.changes()).filteredOn(Change.Released.class::isInstance)
            .extracting(change -> ((Change.Released) change).seat())
            .containsExactly(full.seats().get(1), full.seats().get(2));
        assertThat(result.changes()).filteredOn(Change.Promoted.class::isInstance).hasSize(2);
        assertThat(result.ledger().waitlist()).isEmpty();
        assertThat(result.ledger().seats()).hasSize(3).contains(kept.confirmed());
        assertThat(result.ledger().seats()).filteredOn(GroupLedger.Seat::isHeld)
            .allSatisfy(seat -> assertThat(seat.holdExpiresAt()).isEqualTo(AFTER_THE_HOLD.plus(HOLD)));
    }

    @Test
    void nothingExpiresBeforeItsTime() {
        SeatLifecycle.Result result = lifecycle.expireHolds(ANXIETY, full, AFTER_THE_HOLD.minusMillis(1));

        assertThat(result.changes()).isEmpty();
        assertThat(result.ledger()).isEqualTo(full);
    }

    @Test
    void aGrownCapacityPromotesAsManyAsItAdds() {
        SeatLifecycle.Result result = lifecycle.changeCapacity(ANXIETY, full, "anxiety-sat", 3, AN_HOUR_LATER);

        assertThat(result.changes().get(0)).isEqualTo(new Change.CapacityChanged(SATURDAY, 1, 3));
        assertThat(result.changes()).filteredOn(Change.Promoted.class::isInstance)
            .extracting(change -> ((Change.Promoted) change).seat().seatNumber())
            .containsExactly(2, 3);
        assertThat(result.ledger().waitlist()).isEmpty();
        assertThat(result.ledger().free(SATURDAY)).isZero();
    }

    @Test
    void aCapacityLoweredBelowTheSeatsTakenEvictsNobodyAndGivesNoSeatUntilItIsUnder() {
        GroupLedger lowered = lifecycle.changeCapacity(ANXIETY, full, "anxiety-tue", 1, AN_HOUR_LATER).ledger();
        assertThat(lowered.taken(TUESDAY)).isEqualTo(2);
        assertThat(lowered.free(TUESDAY)).isZero();

        GroupLedger.Seat tuesday = lowered.seats().get(0);
        SeatLifecycle.Result firstCancel = lifecycle.cancel(ANXIETY, lowered, tuesday.signupId(), Requester.PERSON,
                AN_HOUR_LATER);
        assertThat(firstCancel.changes()).noneMatch(Change.Promoted.class::isInstance);

        GroupLedger.Seat other = firstCancel.ledger().seats().get(0);
        SeatLifecycle.Result secondCancel = lifecycle.cancel(ANXIETY, firstCancel.ledger(), other.signupId(),
                Requester.PERSON, AN_HOUR_LATER);
        assertThat(secondCancel.changes()).filteredOn(Change.Promoted.class::isInstance).hasSize(1);
        assertThat(secondCancel.ledger().taken(TUESDAY)).isEqualTo(1);
    }

    @Test
    void aNegativeCapacityIsRefused() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> lifecycle.changeCapacity(ANXIETY, full, "anxiety-tue", -1, AN_HOUR_LATER));
    }

    @Test
    void withoutConfirmationAPromotedPersonGetsTheSeatForGood() {
        SeatLifecycle immediate = new SeatLifecycle(AnxietyGroup.rules(null));
        GroupLedger ledger = afterSignups(new EligibilityPolicy(AnxietyGroup.rules(null)), 4);

        SeatLifecycle.Result result = immediate.cancel(ANXIETY, ledger, ledger.seats().get(0).signupId(),
                Requester.PERSON, AN_HOUR_LATER);

        assertThat(result.changes().get(1)).isInstanceOfSatisfying(Change.Promoted.class,
                promoted -> assertThat(promoted.seat().isHeld()).isFalse());
    }

    /**
     * Any interleaving of signups, confirmations, cancellations, expiries and capacity
     * changes keeps the rules: no seat given beyond the capacity (one lowered below the
     * seats taken evicts nobody), one place per signup, no seat number twice in a cohort,
     * and no free seat while someone waits.
     */
    @Test
    void theRulesHoldUnderAThousandRandomSteps() {
        Random random = new Random(42);
        GroupLedger ledger = GroupLedger.EMPTY;
        Instant now = MONDAY_NOON;
        for (int step = 0; step < 1_000; step++) {
            now = now.plus(Duration.ofMinutes(random.nextInt(600)));
            GroupLedger next = step(ledger, now, random);
            assertRulesHold(ledger, next);
            ledger = next;
        }
    }

    private GroupLedger step(GroupLedger ledger, Instant now, Random random) {
        return switch (random.nextInt(6)) {
            case 0, 1 -> policy.decide(signupFrom("NY"), ledger, Optional.empty(), now).ledger();
            case 2 -> anyPlace(ledger, random).map(id -> lifecycle.confirm(ledger, id, now).ledger()).orElse(ledger);
            case 3 -> anyPlace(ledger, random)
                .map(id -> lifecycle.cancel(ANXIETY, ledger, id, Requester.PERSON, now).ledger())
                .orElse(ledger);
            case 4 -> lifecycle
                .changeCapacity(ANXIETY, ledger, ANXIETY.cohorts().get(random.nextInt(2)).id(), random.nextInt(4), now)
                .ledger();
            default -> lifecycle.expireHolds(ANXIETY, ledger, now).ledger();
        };
    }

    private static Optional<UUID> anyPlace(GroupLedger ledger, Random random) {
        List<UUID> places = new ArrayList<>();
        ledger.seats().forEach(seat -> places.add(seat.signupId()));
        ledger.waitlist().forEach(waiting -> places.add(waiting.signupId()));
        return places.isEmpty() ? Optional.empty() : Optional.of(places.get(random.nextInt(places.size())));
    }

    private static void assertRulesHold(GroupLedger before, GroupLedger ledger) {
        for (Cohort cohort : ANXIETY.cohorts()) {
            if (ledger.taken(cohort) > ledger.capacity(cohort)) {
                assertThat(ledger.taken(cohort)).as("a seat given in a cohort over its lowered capacity")
                    .isLessThanOrEqualTo(before.taken(cohort));
            }
            assertThat(ledger.seats()
                .stream()
                .filter(seat -> seat.cohortId().equals(cohort.id()))
                .map(GroupLedger.Seat::seatNumber)).doesNotHaveDuplicates();
            if (!ledger.waitlist().isEmpty()) {
                assertThat(ledger.free(cohort)).as("a free seat while someone waits").isZero();
            }
        }
        List<UUID> places = new ArrayList<>();
        ledger.seats().forEach(seat -> places.add(seat.signupId()));
        ledger.waitlist().forEach(waiting -> places.add(waiting.signupId()));
        assertThat(places).doesNotHaveDuplicates();
    }

}
