package org.groupenrollment.eligibility.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.groupenrollment.eligibility.decision.SeatLifecycle.Change;
import org.groupenrollment.eligibility.decision.SeatLifecycle.Requester;
import org.groupenrollment.eligibility.decision.SeatLifecycle.Result;

/**
 * The anxiety group as its single writer keeps it, in memory: the ledger, and the line in
 * ticket order, each kept the way the processor keeps its stores from the policy's
 * answers.
 */
final class GroupInMemory {

    private final EligibilityPolicy policy;

    private final SeatLifecycle lifecycle;

    private final List<Waiting> line = new ArrayList<>();

    private GroupLedger ledger = GroupLedger.EMPTY;

    GroupInMemory(EligibilityRules rules) {
        this.policy = new EligibilityPolicy(rules);
        this.lifecycle = new SeatLifecycle(rules);
    }

    /** {@code count} New Yorkers sign up, one after another. */
    GroupInMemory afterSignups(int count, Instant at) {
        for (int i = 0; i < count; i++) {
            signUp(AnxietyGroup.signupFrom("NY"), at);
        }
        return this;
    }

    EligibilityPolicy.Outcome signUp(Signup signup, Instant now) {
        EligibilityPolicy.Outcome outcome = policy.decide(signup, ledger, Optional.empty(), now);
        ledger = outcome.ledger();
        if (outcome.newPlace() && outcome.decision() instanceof Decision.Waitlisted waitlisted) {
            line.add(new Waiting(signup.signupId(), waitlisted.ticket()));
        }
        return outcome;
    }

    Result confirm(UUID signupId, Instant now) {
        return applied(lifecycle.confirm(ledger, signupId, now));
    }

    Result cancel(UUID signupId, Requester by, Instant now) {
        return applied(lifecycle.cancel(AnxietyGroup.ANXIETY, ledger, signupId, waiting(signupId), by, now,
                List.copyOf(line).iterator()));
    }

    Result erase(UUID signupId, Instant now) {
        return applied(lifecycle.erase(AnxietyGroup.ANXIETY, ledger, signupId, waiting(signupId), now,
                List.copyOf(line).iterator()));
    }

    Result leaveWaitlist(UUID signupId, Requester by) {
        return applied(lifecycle.leaveWaitlist(ledger, waiting(signupId), by));
    }

    Result expireHolds(Instant now) {
        return applied(lifecycle.expireHolds(AnxietyGroup.ANXIETY, ledger, now, List.copyOf(line).iterator()));
    }

    Result changeCapacity(Cohort cohort, int capacity, Instant now) {
        return applied(lifecycle.changeCapacity(AnxietyGroup.ANXIETY, ledger, cohort, capacity, now,
                List.copyOf(line).iterator()));
    }

    GroupLedger ledger() {
        return ledger;
    }

    List<Waiting> line() {
        return List.copyOf(line);
    }

    GroupLedger.Seat seat(int index) {
        return ledger.seats().get(index);
    }

    Optional<Waiting> waiting(UUID signupId) {
        return line.stream().filter(place -> place.signupId().equals(signupId)).findFirst();
    }

    private Result applied(Result result) {
        ledger = result.ledger();
        for (Change change : result.changes()) {
            if (change instanceof Change.LeftWaitlist left) {
                line.remove(left.place());
            }
            else if (change instanceof Change.ErasedFromLine erased) {
                line.remove(erased.place());
            }
            else if (change instanceof Change.Promoted promoted) {
                line.remove(promoted.from());
            }
        }
        return result;
    }

}
