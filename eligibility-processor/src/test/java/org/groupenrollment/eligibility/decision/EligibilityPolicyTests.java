package org.groupenrollment.eligibility.decision;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.groupenrollment.eligibility.decision.AnxietyGroup.ANXIETY;
import static org.groupenrollment.eligibility.decision.AnxietyGroup.HOLD;
import static org.groupenrollment.eligibility.decision.AnxietyGroup.MONDAY_NOON;
import static org.groupenrollment.eligibility.decision.AnxietyGroup.SATURDAY;
import static org.groupenrollment.eligibility.decision.AnxietyGroup.TUESDAY;
import static org.groupenrollment.eligibility.decision.AnxietyGroup.afterSignups;
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
            .containsExactly(new GroupLedger.Seat(signup.signupId(), signup.personKey(), "anxiety-tue", 1, null));
        assertThat(outcome.newStanding()).contains(new Standing.Seated("anxiety-tue", 1));
    }

    @Test
    void whenTheRulesAskForConfirmationTheSeatIsHeldForTheWindow() {
        EligibilityPolicy.Outcome outcome = holding.decide(signupFrom("NY"), GroupLedger.EMPTY, Optional.empty(),
                MONDAY_NOON);

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
        assertThat(outcome.newStanding()).isEmpty();
    }

    @Test
    void aFullCohortSendsTheNextApplicantToTheNextCohort() {
        EligibilityPolicy.Outcome outcome = policy.decide(signupFrom("NY"), afterSignups(policy, 2), Optional.empty(),
                MONDAY_NOON);

        assertThat(outcome.decision()).isEqualTo(new Decision.SeatReserved(ANXIETY, SATURDAY, 1, 0, null, false));
    }

    @Test
    void aFullGroupWaitlistsInArrivalOrder() {
        Signup nj = signupFrom("NJ");
        Signup fl = signupFrom("FL");

        EligibilityPolicy.Outcome first = policy.decide(nj, afterSignups(policy, 3), Optional.empty(), MONDAY_NOON);
        EligibilityPolicy.Outcome second = policy.decide(fl, first.ledger(), Optional.empty(), MONDAY_NOON);

        assertThat(first.decision()).isEqualTo(new Decision.Waitlisted(ANXIETY, 1));
        assertThat(second.decision()).isEqualTo(new Decision.Waitlisted(ANXIETY, 2));
        assertThat(second.ledger().waitlist()).extracting(GroupLedger.Waiting::signupId)
            .containsExactly(nj.signupId(), fl.signupId());
    }

    @Test
    void neverHandsOutMoreSeatsThanTheCapacity() {
        GroupLedger ledger = afterSignups(policy, 50);

        assertThat(ledger.seats()).hasSize(3);
        assertThat(ledger.waitlistLength()).isEqualTo(47);
    }

    @Test
    void aPersonAlreadySeatedKeepsTheSameSeatAndTakesNoOther() {
        GroupLedger ledger = afterSignups(holding, 1);

        EligibilityPolicy.Outcome outcome = holding.decide(signupFrom("NY"), ledger,
                Optional.of(new Standing.Seated("anxiety-tue", 1)), MONDAY_NOON.plusSeconds(60));

        assertThat(outcome.decision())
            .isEqualTo(new Decision.SeatReserved(ANXIETY, TUESDAY, 1, 1, MONDAY_NOON.plus(HOLD), false));
        assertThat(outcome.ledger()).isEqualTo(ledger);
        assertThat(outcome.newStanding()).isEmpty();
    }

    @Test
    void aPersonAlreadyWaitlistedKeepsTheirPlace() {
        GroupLedger full = afterSignups(policy, 7);

        EligibilityPolicy.Outcome outcome = policy.decide(signupFrom("FL"), full,
                Optional.of(new Standing.Waitlisted(2)), MONDAY_NOON);

        assertThat(outcome.decision()).isEqualTo(new Decision.Waitlisted(ANXIETY, 2));
        assertThat(outcome.ledger().waitlistLength()).isEqualTo(4);
    }

}
