package org.groupenrollment.eligibility.decision;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.groupenrollment.eligibility.decision.AnxietyGroup.ANXIETY;
import static org.groupenrollment.eligibility.decision.AnxietyGroup.HOLD;
import static org.groupenrollment.eligibility.decision.AnxietyGroup.MONDAY_NOON;
import static org.groupenrollment.eligibility.decision.AnxietyGroup.SATURDAY;
import static org.groupenrollment.eligibility.decision.AnxietyGroup.TUESDAY;
import static org.groupenrollment.eligibility.decision.AnxietyGroup.signupFrom;

class EligibilityPolicyTests {

    private final EligibilityPolicy policy = new EligibilityPolicy(AnxietyGroup.rules(null));

    private final EligibilityPolicy holding = new EligibilityPolicy(AnxietyGroup.rules(HOLD));

    @ParameterizedTest
    @ValueSource(strings = { "FL", "NY", "NJ" })
    void aResidentOfALicensedStateGetsTheFirstSeat(String state) {
        Signup signup = signupFrom(state);

        EligibilityPolicy.Outcome outcome = policy.decide(signup, GroupLedger.EMPTY, Optional.empty(), MONDAY_NOON);

        assertThat(outcome.decision()).isEqualTo(new Decision.SeatReserved(ANXIETY, TUESDAY, 1, 1, null, false));
        assertThat(outcome.ledger().seats())
            .containsExactly(new GroupLedger.Seat(signup.signupId(), "anxiety-tue", 1, null));
        assertThat(outcome.newPlace()).isTrue();
    }

    @Test
    void withConfirmationRequiredTheSeatIsHeldForTheWindow() {
        Signup signup = signupFrom("NY");

        EligibilityPolicy.Outcome outcome = holding.decide(signup, GroupLedger.EMPTY, Optional.empty(), MONDAY_NOON);

        assertThat(outcome.decision())
            .isEqualTo(new Decision.SeatReserved(ANXIETY, TUESDAY, 1, 1, MONDAY_NOON.plus(HOLD), false));
        assertThat(outcome.ledger().held(TUESDAY)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = { "TX", "CA", "PA", "ny" })
    void aResidentOfAnyOtherStateIsRedirectedToDbtAndTakesNoSeat(String state) {
        EligibilityPolicy.Outcome outcome = policy.decide(signupFrom(state), GroupLedger.EMPTY, Optional.empty(),
                MONDAY_NOON);

        assertThat(outcome.decision()).isEqualTo(new Decision.RedirectedToDbt(Decision.Reason.OUT_OF_LICENSED_STATE));
        assertThat(outcome.ledger()).isEqualTo(GroupLedger.EMPTY);
        assertThat(outcome.newPlace()).isFalse();
    }

    @Test
    void aFullCohortSendsTheNextApplicantToTheNextCohort() {
        GroupLedger tuesdayFull = ledgerWith(seat(TUESDAY, 1), seat(TUESDAY, 2));

        EligibilityPolicy.Outcome outcome = policy.decide(signupFrom("NY"), tuesdayFull, Optional.empty(), MONDAY_NOON);

        assertThat(outcome.decision()).isEqualTo(new Decision.SeatReserved(ANXIETY, SATURDAY, 1, 0, null, false));
    }

    @Test
    void aReleasedSeatNumberIsGivenAgainBeforeAHigherOne() {
        GroupLedger secondSeatOnly = ledgerWith(seat(TUESDAY, 2));

        EligibilityPolicy.Outcome outcome = policy.decide(signupFrom("NY"), secondSeatOnly, Optional.empty(),
                MONDAY_NOON);

        assertThat(((Decision.SeatReserved) outcome.decision()).seatNumber()).isEqualTo(1);
    }

    @Test
    void aFullGroupWaitlistsInArrivalOrderWithAscendingTickets() {
        GroupLedger full = ledgerWith(seat(TUESDAY, 1), seat(TUESDAY, 2), seat(SATURDAY, 1));

        EligibilityPolicy.Outcome first = policy.decide(signupFrom("NJ"), full, Optional.empty(), MONDAY_NOON);
        EligibilityPolicy.Outcome second = policy.decide(signupFrom("FL"), first.ledger(), Optional.empty(),
                MONDAY_NOON);

        assertThat(first.decision()).isEqualTo(new Decision.Waitlisted(ANXIETY, 1, 1));
        assertThat(second.decision()).isEqualTo(new Decision.Waitlisted(ANXIETY, 2, 2));
        assertThat(second.ledger().waitlistLength()).isEqualTo(2);
        assertThat(second.ledger().nextTicket()).isEqualTo(3);
        assertThat(second.newPlace()).isTrue();
    }

    @Test
    void neverHandsOutMoreSeatsThanTheCapacity() {
        GroupLedger ledger = GroupLedger.EMPTY;
        int seats = 0;
        for (int i = 0; i < 50; i++) {
            EligibilityPolicy.Outcome outcome = holding.decide(signupFrom("NY"), ledger, Optional.empty(), MONDAY_NOON);
            ledger = outcome.ledger();
            if (outcome.decision() instanceof Decision.SeatReserved) {
                seats++;
            }
        }
        assertThat(seats).isEqualTo(3);
        assertThat(ledger.seats()).hasSize(3);
        assertThat(ledger.waitlistLength()).isEqualTo(47);
    }

    @Test
    void aPersonAlreadyHoldingASeatIsToldTheSameSeatAndHoldAndTakesNoOther() {
        GroupLedger ledger = ledgerWith(seat(TUESDAY, 1));

        EligibilityPolicy.Outcome outcome = holding.decide(signupFrom("NY"), ledger,
                Optional.of(new Standing.Seated("anxiety-tue", 1, MONDAY_NOON.plus(HOLD))),
                MONDAY_NOON.plusSeconds(60));

        assertThat(outcome.decision())
            .isEqualTo(new Decision.SeatReserved(ANXIETY, TUESDAY, 1, 1, MONDAY_NOON.plus(HOLD), false));
        assertThat(outcome.ledger()).isEqualTo(ledger);
        assertThat(outcome.newPlace()).isFalse();
    }

    @Test
    void aPersonAlreadyWaitlistedKeepsTheirPlaceInLine() {
        GroupLedger full = new GroupLedger(List.of(seat(TUESDAY, 1), seat(TUESDAY, 2), seat(SATURDAY, 1)), Map.of(), 5,
                4);

        EligibilityPolicy.Outcome outcome = policy.decide(signupFrom("FL"), full,
                Optional.of(new Standing.Waitlisted(2, 3)), MONDAY_NOON);

        assertThat(outcome.decision()).isEqualTo(new Decision.Waitlisted(ANXIETY, 2, 3));
        assertThat(outcome.ledger()).isEqualTo(full);
    }

    private static GroupLedger ledgerWith(GroupLedger.Seat... seats) {
        return new GroupLedger(List.of(seats), Map.of(), 1, 0);
    }

    private static GroupLedger.Seat seat(Cohort cohort, int number) {
        return new GroupLedger.Seat(UUID.randomUUID(), cohort.id(), number, null);
    }

}
