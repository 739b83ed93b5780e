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
import org.groupenrollment.eligibility.decision.SeatLifecycle.Result;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.groupenrollment.eligibility.decision.AnxietyGroup.HOLD;
import static org.groupenrollment.eligibility.decision.AnxietyGroup.MONDAY_NOON;
import static org.groupenrollment.eligibility.decision.AnxietyGroup.SATURDAY;
import static org.groupenrollment.eligibility.decision.AnxietyGroup.TUESDAY;

/**
 * Every transition of a place, on the anxiety group (Tuesday 2 seats, Saturday 1) with a
 * 72-hour hold. Each group is built by signing people up, as the processor does: five New
 * Yorkers hold the three seats (two Tuesday, one Saturday) and two wait, in that order.
 */
class SeatLifecycleTests {

    private static final Instant AN_HOUR_LATER = MONDAY_NOON.plus(Duration.ofHours(1));

    private static final Instant WHEN_THE_HOLD_RUNS_OUT = MONDAY_NOON.plus(HOLD);

    private final GroupInMemory group = new GroupInMemory(AnxietyGroup.rules(HOLD)).afterSignups(5, MONDAY_NOON);

    @Test
    void confirmingAHeldSeatMakesItTheirsAndChangesNothingElse() {
        GroupLedger.Seat held = group.seat(0);
        List<Waiting> line = group.line();

        Result result = group.confirm(held.signupId(), AN_HOUR_LATER);

        assertThat(result.answer()).isEqualTo(Answer.APPLIED);
        assertThat(result.changes()).containsExactly(new Change.Confirmed(held.confirmed()));
        assertThat(result.ledger().seatOf(held.signupId()))
            .hasValueSatisfying(seat -> assertThat(seat.isHeld()).isFalse());
        assertThat(result.ledger().held(TUESDAY)).isEqualTo(1);
        assertThat(group.line()).isEqualTo(line);
    }

    @Test
    void confirmingTwiceIsAnsweredAsAlreadyConfirmedAndChangesNothing() {
        UUID signup = group.seat(0).signupId();
        GroupLedger confirmed = group.confirm(signup, AN_HOUR_LATER).ledger();

        Result again = group.confirm(signup, AN_HOUR_LATER.plusSeconds(5));

        assertThat(again.answer()).isEqualTo(Answer.ALREADY_CONFIRMED);
        assertThat(again.ledger()).isEqualTo(confirmed);
        assertThat(again.changes()).isEmpty();
    }

    @Test
    void aConfirmationWhenTheHoldRanOutIsRefusedAndLeavesTheReleaseToTheSweep() {
        GroupLedger before = group.ledger();

        Result late = group.confirm(group.seat(0).signupId(), WHEN_THE_HOLD_RUNS_OUT);

        assertThat(late.answer()).isEqualTo(Answer.HOLD_EXPIRED);
        assertThat(late.ledger()).isEqualTo(before);
        assertThat(late.changes()).isEmpty();
    }

    @Test
    void aConfirmationAfterTheSweepReleasedTheHoldFindsNoPlace() {
        UUID signup = group.seat(0).signupId();
        group.expireHolds(WHEN_THE_HOLD_RUNS_OUT);

        Result late = group.confirm(signup, WHEN_THE_HOLD_RUNS_OUT.plusSeconds(1));

        assertThat(late.answer()).isEqualTo(Answer.NO_PLACE);
        assertThat(late.changes()).isEmpty();
    }

    @Test
    void confirmingOrCancellingAPlaceThatIsNotThereIsAnsweredTruthfullyAndChangesNothing() {
        UUID stranger = UUID.randomUUID();
        GroupLedger before = group.ledger();

        assertThat(group.confirm(stranger, AN_HOUR_LATER).answer()).isEqualTo(Answer.NO_PLACE);
        Result cancel = group.cancel(stranger, Requester.PERSON, AN_HOUR_LATER);
        assertThat(cancel.answer()).isEqualTo(Answer.NO_PLACE);
        assertThat(cancel.ledger()).isEqualTo(before);
    }

    @Test
    void confirmingAPlaceInLineIsNotASeatToConfirm() {
        Waiting first = group.line().get(0);

        Result result = group.confirm(first.signupId(), AN_HOUR_LATER);

        assertThat(result.answer()).isEqualTo(Answer.NO_PLACE);
        assertThat(group.line()).contains(first);
    }

    @Test
    void cancellingASeatGivesItToTheFirstInLineAsANewHoldAndMovesEveryoneUp() {
        GroupLedger.Seat cancelled = group.seat(0);
        Waiting first = group.line().get(0);
        Waiting second = group.line().get(1);

        Result result = group.cancel(cancelled.signupId(), Requester.PERSON, AN_HOUR_LATER);

        GroupLedger.Seat promoted = new GroupLedger.Seat(first.signupId(), "anxiety-tue", cancelled.seatNumber(),
                AN_HOUR_LATER.plus(HOLD));
        assertThat(result.changes()).containsExactly(new Change.Released(cancelled, ReleaseReason.CANCELLED_BY_PERSON),
                new Change.Promoted(first, promoted));
        assertThat(result.ledger().seatOf(first.signupId())).contains(promoted);
        assertThat(result.ledger().waitlistLength()).isEqualTo(1);
        assertThat(group.line()).containsExactly(second);
    }

    @Test
    void cancellingTwiceReleasesOneSeatAndPromotesOnce() {
        UUID signup = group.seat(0).signupId();
        Result once = group.cancel(signup, Requester.STAFF, AN_HOUR_LATER);

        Result twice = group.cancel(signup, Requester.STAFF, AN_HOUR_LATER);

        assertThat(once.changes()).filteredOn(Change.Promoted.class::isInstance).hasSize(1);
        assertThat(twice.answer()).isEqualTo(Answer.NO_PLACE);
        assertThat(twice.ledger()).isEqualTo(once.ledger());
        assertThat(group.line()).hasSize(1);
    }

    @Test
    void staffCancellingAConfirmedSeatReleasesItAsCancelledByStaffAndFillsItFromTheLine() {
        GroupLedger.Seat saturday = group.seat(2);
        group.confirm(saturday.signupId(), AN_HOUR_LATER);

        Result result = group.cancel(saturday.signupId(), Requester.STAFF, AN_HOUR_LATER);

        assertThat(result.changes().get(0))
            .isEqualTo(new Change.Released(saturday.confirmed(), ReleaseReason.CANCELLED_BY_STAFF));
        assertThat(result.changes().get(1)).isInstanceOfSatisfying(Change.Promoted.class,
                promoted -> assertThat(promoted.seat().cohortId()).isEqualTo(SATURDAY.id()));
    }

    @Test
    void cancellingAPlaceInLineLeavesTheLineMovesEveryoneBehindUpAndGivesNoSeat() {
        Waiting first = group.line().get(0);
        Waiting second = group.line().get(1);
        List<GroupLedger.Seat> seats = group.ledger().seats();

        Result result = group.cancel(first.signupId(), Requester.PERSON, AN_HOUR_LATER);

        assertThat(result.changes()).containsExactly(new Change.LeftWaitlist(first, Requester.PERSON));
        assertThat(group.line()).containsExactly(second);
        assertThat(result.ledger().waitlistLength()).isEqualTo(1);
        assertThat(result.ledger().seats()).isEqualTo(seats);
    }

    @Test
    void erasingAPersonWithASeatReleasesItToTheFirstInLineAndForgetsThem() {
        GroupLedger.Seat erased = group.seat(1);
        Waiting first = group.line().get(0);

        Result result = group.erase(erased.signupId(), AN_HOUR_LATER);

        GroupLedger.Seat promoted = new GroupLedger.Seat(first.signupId(), "anxiety-tue", erased.seatNumber(),
                AN_HOUR_LATER.plus(HOLD));
        assertThat(result.changes()).containsExactly(new Change.Released(erased, ReleaseReason.ERASED),
                new Change.Promoted(first, promoted), new Change.Forgotten(erased.signupId()));
        assertThat(result.ledger().seatOf(erased.signupId())).isEmpty();
        assertThat(result.ledger().waitlistLength()).isEqualTo(1);
    }

    @Test
    void erasingAPersonInLineTakesThemOutOfItAndForgetsThem() {
        Waiting first = group.line().get(0);
        Waiting second = group.line().get(1);
        List<GroupLedger.Seat> seats = group.ledger().seats();

        Result result = group.erase(first.signupId(), AN_HOUR_LATER);

        assertThat(result.changes()).containsExactly(new Change.ErasedFromLine(first),
                new Change.Forgotten(first.signupId()));
        assertThat(group.line()).containsExactly(second);
        assertThat(result.ledger().waitlistLength()).isEqualTo(1);
        assertThat(result.ledger().seats()).isEqualTo(seats);
    }

    @Test
    void erasingAPersonWhosePlaceEndedStillForgetsThemAndChangesNoPlace() {
        UUID cancelled = group.seat(0).signupId();
        group.cancel(cancelled, Requester.PERSON, AN_HOUR_LATER);
        GroupLedger before = group.ledger();

        Result result = group.erase(cancelled, AN_HOUR_LATER);

        assertThat(result.answer()).isEqualTo(Answer.APPLIED);
        assertThat(result.changes()).containsExactly(new Change.Forgotten(cancelled));
        assertThat(result.ledger()).isEqualTo(before);
    }

    @Test
    void leavingTheLineTwiceIsAnsweredAsNoPlace() {
        Waiting second = group.line().get(1);
        group.leaveWaitlist(second.signupId(), Requester.PERSON);

        Result again = group.leaveWaitlist(second.signupId(), Requester.PERSON);

        assertThat(again.answer()).isEqualTo(Answer.NO_PLACE);
        assertThat(again.ledger().waitlistLength()).isEqualTo(1);
    }

    @Test
    void aSeatIsNotGivenUpByLeavingTheLine() {
        GroupLedger.Seat seat = group.seat(0);

        Result result = group.leaveWaitlist(seat.signupId(), Requester.PERSON);

        assertThat(result.answer()).isEqualTo(Answer.NO_PLACE);
        assertThat(result.ledger().seatOf(seat.signupId())).isPresent();
    }

    @Test
    void holdsThatRanOutAreReleasedAndTheirSeatsGoToTheFirstInLineInOrder() {
        GroupLedger.Seat kept = group.seat(0);
        List<Waiting> line = group.line();
        group.confirm(kept.signupId(), AN_HOUR_LATER);

        Result result = group.expireHolds(WHEN_THE_HOLD_RUNS_OUT);

        assertThat(result.changes()).filteredOn(Change.Released.class::isInstance)
            .extracting(change -> ((Change.Released) change).reason())
            .containsExactly(ReleaseReason.HOLD_EXPIRED, ReleaseReason.HOLD_EXPIRED);
        assertThat(result.changes()).filteredOn(Change.Promoted.class::isInstance)
            .extracting(change -> ((Change.Promoted) change).from())
            .containsExactlyElementsOf(line);
        assertThat(group.line()).isEmpty();
        assertThat(result.ledger().seats()).hasSize(3).contains(kept.confirmed());
        assertThat(result.ledger().seats()).filteredOn(GroupLedger.Seat::isHeld)
            .allSatisfy(seat -> assertThat(seat.holdExpiresAt()).isEqualTo(WHEN_THE_HOLD_RUNS_OUT.plus(HOLD)));
    }

    @Test
    void nothingExpiresBeforeItsTime() {
        GroupLedger before = group.ledger();

        Result result = group.expireHolds(WHEN_THE_HOLD_RUNS_OUT.minusMillis(1));

        assertThat(result.changes()).isEmpty();
        assertThat(result.ledger()).isEqualTo(before);
    }

    @Test
    void aGrownCapacityPromotesAsManyAsItAdds() {
        Result result = group.changeCapacity(SATURDAY, 3, AN_HOUR_LATER);

        assertThat(result.changes().get(0)).isEqualTo(new Change.CapacityChanged(SATURDAY, 1, 3));
        assertThat(result.changes()).filteredOn(Change.Promoted.class::isInstance)
            .extracting(change -> ((Change.Promoted) change).seat().seatNumber())
            .containsExactly(2, 3);
        assertThat(group.line()).isEmpty();
        assertThat(result.ledger().free(SATURDAY)).isZero();
    }

    @Test
    void aCapacityLoweredBelowTheSeatsTakenEvictsNobodyAndGivesNoSeatUntilItIsUnder() {
        GroupLedger lowered = group.changeCapacity(TUESDAY, 1, AN_HOUR_LATER).ledger();
        assertThat(lowered.taken(TUESDAY)).isEqualTo(2);
        assertThat(lowered.free(TUESDAY)).isZero();

        Result firstCancel = group.cancel(group.seat(0).signupId(), Requester.PERSON, AN_HOUR_LATER);
        assertThat(firstCancel.changes()).noneMatch(Change.Promoted.class::isInstance);
        assertThat(firstCancel.ledger().taken(TUESDAY)).isEqualTo(1);

        GroupLedger.Seat otherTuesday = firstCancel.ledger()
            .seats()
            .stream()
            .filter(seat -> seat.cohortId().equals(TUESDAY.id()))
            .findFirst()
            .orElseThrow();
        Result secondCancel = group.cancel(otherTuesday.signupId(), Requester.PERSON, AN_HOUR_LATER);
        assertThat(secondCancel.changes()).filteredOn(Change.Promoted.class::isInstance).hasSize(1);
        assertThat(secondCancel.ledger().taken(TUESDAY)).isEqualTo(1);
    }

    @Test
    void aNegativeCapacityIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> group.changeCapacity(TUESDAY, -1, AN_HOUR_LATER));
    }

    @Test
    void withoutConfirmationAPromotedPersonGetsTheSeatForGood() {
        GroupInMemory immediate = new GroupInMemory(AnxietyGroup.rules(null)).afterSignups(4, MONDAY_NOON);

        Result result = immediate.cancel(immediate.seat(0).signupId(), Requester.PERSON, AN_HOUR_LATER);

        assertThat(result.changes().get(1)).isInstanceOfSatisfying(Change.Promoted.class,
                promoted -> assertThat(promoted.seat().isHeld()).isFalse());
        assertThat(immediate.expireHolds(AN_HOUR_LATER.plus(Duration.ofDays(365))).changes()).isEmpty();
    }

    /**
     * Any interleaving of signups, confirmations, cancellations, leaving the line,
     * erasures, expiries and capacity changes keeps the rules: no seat given beyond the
     * capacity (one lowered below the seats taken evicts nobody), one place per signup,
     * no seat number twice in a cohort, no free seat while someone waits, the line
     * promoted front first, and the ledger's count of the line right.
     */
    @Test
    void theRulesHoldUnderThousandsOfRandomSteps() {
        Random random = new Random(42);
        GroupInMemory world = new GroupInMemory(AnxietyGroup.rules(HOLD));
        Instant now = MONDAY_NOON;
        for (int step = 0; step < 5_000; step++) {
            now = now.plus(Duration.ofMinutes(random.nextInt(600)));
            GroupLedger before = world.ledger();
            List<Waiting> lineBefore = world.line();
            Optional<Result> result = step(world, now, random);
            assertRulesHold(before, world);
            result.ifPresent(changed -> assertPromotedFrontFirst(lineBefore, changed));
        }
    }

    private static Optional<Result> step(GroupInMemory world, Instant now, Random random) {
        return switch (random.nextInt(8)) {
            case 0, 1 -> {
                world.signUp(AnxietyGroup.signupFrom("NY"), now);
                yield Optional.empty();
            }
            case 2 -> anyPlace(world, random).map(id -> world.confirm(id, now));
            case 3 -> anyPlace(world, random).map(id -> world.cancel(id, Requester.PERSON, now));
            case 4 -> anyPlace(world, random).map(id -> world.leaveWaitlist(id, Requester.STAFF));
            case 5 ->
                Optional.of(world.changeCapacity(random.nextBoolean() ? TUESDAY : SATURDAY, random.nextInt(4), now));
            case 6 -> anyPlace(world, random).map(id -> world.erase(id, now));
            default -> Optional.of(world.expireHolds(now));
        };
    }

    private static Optional<UUID> anyPlace(GroupInMemory world, Random random) {
        List<UUID> places = new ArrayList<>();
        world.ledger().seats().forEach(seat -> places.add(seat.signupId()));
        world.line().forEach(waiting -> places.add(waiting.signupId()));
        return places.isEmpty() ? Optional.empty() : Optional.of(places.get(random.nextInt(places.size())));
    }

    private static void assertRulesHold(GroupLedger before, GroupInMemory world) {
        GroupLedger ledger = world.ledger();
        for (Cohort cohort : AnxietyGroup.ANXIETY.cohorts()) {
            if (ledger.taken(cohort) > ledger.capacity(cohort)) {
                assertThat(ledger.taken(cohort)).as("a seat given in a cohort over its lowered capacity")
                    .isLessThanOrEqualTo(before.taken(cohort));
            }
            assertThat(ledger.seats()
                .stream()
                .filter(seat -> seat.cohortId().equals(cohort.id()))
                .map(GroupLedger.Seat::seatNumber)).doesNotHaveDuplicates();
            if (!world.line().isEmpty()) {
                assertThat(ledger.free(cohort)).as("a free seat while someone waits").isZero();
            }
        }
        assertThat(ledger.waitlistLength()).isEqualTo(world.line().size());
        List<UUID> places = new ArrayList<>();
        ledger.seats().forEach(seat -> places.add(seat.signupId()));
        world.line().forEach(waiting -> places.add(waiting.signupId()));
        assertThat(places).doesNotHaveDuplicates();
        assertThat(world.line()).extracting(Waiting::ticket).isSorted();
    }

    private static void assertPromotedFrontFirst(List<Waiting> lineBefore, Result result) {
        List<Waiting> promoted = result.changes()
            .stream()
            .filter(Change.Promoted.class::isInstance)
            .map(change -> ((Change.Promoted) change).from())
            .toList();
        assertThat(promoted).as("promoted from the front of the line, in order")
            .isEqualTo(lineBefore.subList(0, promoted.size()));
    }

}
