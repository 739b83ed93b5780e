package org.groupenrollment.eligibility.decision;

import java.util.Optional;

/**
 * The eligibility rule, as a pure function of the signup, the rules and the group's
 * ledger. Residents of a licensed state get the first free seat in the group's cohorts,
 * in catalog order, or the next place on its waitlist; anyone else is redirected to the
 * DBT skills group. A person who already stands in the group keeps that standing: one
 * seat per person per group.
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
    public Outcome decide(Signup signup, GroupLedger ledger, Optional<Standing> existing) {
        if (!rules.isLicensedIn(signup.state())) {
            return new Outcome(new Decision.RedirectedToDbt(Decision.Reason.OUT_OF_LICENSED_STATE), ledger,
                    Optional.empty());
        }
        TherapyGroup group = rules.group(signup.groupId())
            .orElseThrow(() -> new IllegalArgumentException("Unknown group " + signup.groupId()));
        if (existing.isPresent()) {
            return new Outcome(restate(group, ledger, existing.get()), ledger, Optional.empty());
        }
        for (Cohort cohort : group.cohorts()) {
            int taken = ledger.taken(cohort);
            if (taken < cohort.capacity()) {
                int seat = taken + 1;
                Standing standing = new Standing.Seated(cohort.id(), seat);
                return new Outcome(new Decision.SeatReserved(group, cohort, seat, cohort.capacity() - seat),
                        ledger.withSeatTaken(cohort), Optional.of(standing));
            }
        }
        int position = ledger.waitlistLength() + 1;
        return new Outcome(new Decision.Waitlisted(group, position), ledger.withWaitlisted(),
                Optional.of(new Standing.Waitlisted(position)));
    }

    private static Decision restate(TherapyGroup group, GroupLedger ledger, Standing standing) {
        if (standing instanceof Standing.Waitlisted waitlisted) {
            return new Decision.Waitlisted(group, waitlisted.position());
        }
        Standing.Seated seated = (Standing.Seated) standing;
        Cohort cohort = group.cohorts()
            .stream()
            .filter(c -> c.id().equals(seated.cohortId()))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException(
                    "Cohort " + seated.cohortId() + " left the catalog of " + group.id()));
        return new Decision.SeatReserved(group, cohort, seated.seatNumber(), cohort.capacity() - ledger.taken(cohort));
    }

    /**
     * The decision, the ledger after it, and the standing to remember for the person
     * (empty when nothing new was given).
     */
    public record Outcome(Decision decision, GroupLedger ledger, Optional<Standing> newStanding) {
    }

}
