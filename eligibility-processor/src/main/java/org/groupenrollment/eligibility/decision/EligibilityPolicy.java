package org.groupenrollment.eligibility.decision;

import java.time.Instant;
import java.util.Optional;

/**
 * The eligibility rule, as a pure function of the signup, the rules and the group's
 * ledger. Residents of a licensed state get the first free seat in the group's cohorts,
 * in catalog order (held for them to confirm, when the rules ask for it), or the next
 * place in its line; anyone else is redirected to the DBT skills group. A person who
 * already stands in the group keeps that standing: one place per person per group.
 */
public final class EligibilityPolicy {

    private final EligibilityRules rules;

    public EligibilityPolicy(EligibilityRules rules) {
        this.rules = rules;
    }

    public EligibilityRules rules() {
        return rules;
    }

    /**
     * Decides a signup for a group known to the catalog (unknown groups are rejected
     * before).
     */
    public Outcome decide(Signup signup, GroupLedger ledger, Optional<Standing> existing, Instant now) {
        if (!rules.isLicensedIn(signup.state())) {
            return new Outcome(new Decision.RedirectedToDbt(Decision.Reason.OUT_OF_LICENSED_STATE), ledger, false);
        }
        TherapyGroup group = rules.group(signup.groupId())
            .orElseThrow(() -> new IllegalArgumentException("Unknown group " + signup.groupId()));
        if (existing.isPresent()) {
            return new Outcome(restate(group, ledger, existing.get()), ledger, false);
        }
        for (Cohort cohort : group.cohorts()) {
            if (ledger.free(cohort) > 0) {
                GroupLedger.Seat seat = new GroupLedger.Seat(signup.signupId(), cohort.id(),
                        ledger.freeSeatNumber(cohort), rules.holdUntil(now));
                GroupLedger next = ledger.withSeat(seat);
                return new Outcome(new Decision.SeatReserved(group, cohort, seat.seatNumber(), next.free(cohort),
                        seat.holdExpiresAt(), false), next, true);
            }
        }
        GroupLedger next = ledger.withJoiner();
        return new Outcome(new Decision.Waitlisted(group, next.waitlistLength(), ledger.nextTicket()), next, true);
    }

    private static Decision restate(TherapyGroup group, GroupLedger ledger, Standing standing) {
        if (standing instanceof Standing.Waitlisted waitlisted) {
            return new Decision.Waitlisted(group, waitlisted.position(), waitlisted.ticket());
        }
        Standing.Seated seated = (Standing.Seated) standing;
        Cohort cohort = group.cohort(seated.cohortId())
            .orElseThrow(() -> new IllegalStateException(
                    "Cohort " + seated.cohortId() + " left the catalog of " + group.id()));
        return new Decision.SeatReserved(group, cohort, seated.seatNumber(), ledger.free(cohort),
                seated.holdExpiresAt(), false);
    }

    /**
     * The decision, the ledger after it, and whether it gave the person a new place (a
     * seat or a place in line) rather than restating one or giving none.
     */
    public record Outcome(Decision decision, GroupLedger ledger, boolean newPlace) {
    }

}
