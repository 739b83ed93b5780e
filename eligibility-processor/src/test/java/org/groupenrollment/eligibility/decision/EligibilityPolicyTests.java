package org.groupenrollment.eligibility.decision;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class EligibilityPolicyTests {

    private static final Cohort TUESDAY = cohort("anxiety-tue", 2);

    private static final Cohort SATURDAY = cohort("anxiety-sat", 1);

    private static final TherapyGroup ANXIETY = new TherapyGroup("anxiety", "Anxiety", List.of(TUESDAY, SATURDAY));

    private final EligibilityPolicy policy = new EligibilityPolicy(
            new EligibilityRules("test-rules", Set.of("FL", "NY", "NJ"), Map.of("anxiety", ANXIETY)));

    @ParameterizedTest
    @ValueSource(strings = { "FL", "NY", "NJ" })
    void aResidentOfALicensedStateGetsTheFirstSeat(String state) {
        EligibilityPolicy.Outcome outcome = policy.decide(signupFrom(state), GroupLedger.EMPTY, Optional.empty());

        assertThat(outcome.decision()).isEqualTo(new Decision.SeatReserved(ANXIETY, TUESDAY, 1, 1));
        assertThat(outcome.ledger().taken(TUESDAY)).isEqualTo(1);
        assertThat(outcome.newStanding()).contains(new Standing.Seated("anxiety-tue", 1));
    }

    @ParameterizedTest
    @ValueSource(strings = { "TX", "CA", "PA", "ny" })
    void aResidentOfAnyOtherStateIsRedirectedToDbtAndTakesNoSeat(String state) {
        EligibilityPolicy.Outcome outcome = policy.decide(signupFrom(state), GroupLedger.EMPTY, Optional.empty());

        assertThat(outcome.decision()).isEqualTo(new Decision.RedirectedToDbt(Decision.Reason.OUT_OF_LICENSED_STATE));
        assertThat(outcome.ledger()).isEqualTo(GroupLedger.EMPTY);
        assertThat(outcome.newStanding()).isEmpty();
    }

    @Test
    void aFullCohortSendsTheNextApplicantToTheNextCohort() {
        GroupLedger tuesdayFull = new GroupLedger(Map.of("anxiety-tue", 2), 0);

        EligibilityPolicy.Outcome outcome = policy.decide(signupFrom("NY"), tuesdayFull, Optional.empty());

        assertThat(outcome.decision()).isEqualTo(new Decision.SeatReserved(ANXIETY, SATURDAY, 1, 0));
    }

    @Test
    void aFullGroupWaitlistsInArrivalOrder() {
        GroupLedger full = new GroupLedger(Map.of("anxiety-tue", 2, "anxiety-sat", 1), 0);

        EligibilityPolicy.Outcome first = policy.decide(signupFrom("NJ"), full, Optional.empty());
        EligibilityPolicy.Outcome second = policy.decide(signupFrom("FL"), first.ledger(), Optional.empty());

        assertThat(first.decision()).isEqualTo(new Decision.Waitlisted(ANXIETY, 1));
        assertThat(second.decision()).isEqualTo(new Decision.Waitlisted(ANXIETY, 2));
        assertThat(second.ledger().waitlistLength()).isEqualTo(2);
    }

    @Test
    void neverHandsOutMoreSeatsThanTheCapacity() {
        GroupLedger ledger = GroupLedger.EMPTY;
        int seats = 0;
        for (int i = 0; i < 50; i++) {
            EligibilityPolicy.Outcome outcome = policy.decide(signupFrom("NY"), ledger, Optional.empty());
            ledger = outcome.ledger();
            if (outcome.decision() instanceof Decision.SeatReserved) {
                seats++;
            }
        }
        assertThat(seats).isEqualTo(3);
        assertThat(ledger.waitlistLength()).isEqualTo(47);
    }

    @Test
    void aPersonAlreadySeatedKeepsTheSameSeatAndTakesNoOther() {
        GroupLedger ledger = new GroupLedger(Map.of("anxiety-tue", 1), 0);

        EligibilityPolicy.Outcome outcome = policy.decide(signupFrom("NY"), ledger,
                Optional.of(new Standing.Seated("anxiety-tue", 1)));

        assertThat(outcome.decision()).isEqualTo(new Decision.SeatReserved(ANXIETY, TUESDAY, 1, 1));
        assertThat(outcome.ledger()).isEqualTo(ledger);
        assertThat(outcome.newStanding()).isEmpty();
    }

    @Test
    void aPersonAlreadyWaitlistedKeepsTheirPlace() {
        GroupLedger full = new GroupLedger(Map.of("anxiety-tue", 2, "anxiety-sat", 1), 4);

        EligibilityPolicy.Outcome outcome = policy.decide(signupFrom("FL"), full,
                Optional.of(new Standing.Waitlisted(2)));

        assertThat(outcome.decision()).isEqualTo(new Decision.Waitlisted(ANXIETY, 2));
        assertThat(outcome.ledger().waitlistLength()).isEqualTo(4);
    }

    private static Signup signupFrom(String state) {
        return new Signup(UUID.randomUUID(), state, "anxiety", "person-" + UUID.randomUUID());
    }

    private static Cohort cohort(String id, int capacity) {
        return new Cohort(id, DayOfWeek.TUESDAY, LocalTime.of(18, 30), Duration.ofMinutes(90),
                ZoneId.of("America/New_York"), capacity, null);
    }

}
