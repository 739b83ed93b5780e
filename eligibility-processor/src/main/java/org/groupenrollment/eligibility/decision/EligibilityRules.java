package org.groupenrollment.eligibility.decision;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the policy decides by: where the therapists are licensed, the catalog, and how
 * long a seat is held for its person to confirm ({@code confirmationWindow}; null when a
 * seat is theirs at once).
 */
public record EligibilityRules(String version, Set<String> licensedStates, Map<String, TherapyGroup> groups,
        Duration confirmationWindow) {

    public EligibilityRules {
        licensedStates = Set.copyOf(licensedStates);
        groups = Map.copyOf(groups);
    }

    public boolean isLicensedIn(String state) {
        return licensedStates.contains(state);
    }

    public Optional<TherapyGroup> group(String id) {
        return Optional.ofNullable(groups.get(id));
    }

    /** Until when a seat given now is held, or null when it needs no confirmation. */
    Instant holdUntil(Instant now) {
        return (confirmationWindow == null) ? null : now.plus(confirmationWindow);
    }

}
