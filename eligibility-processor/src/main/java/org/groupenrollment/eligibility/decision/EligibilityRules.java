package org.groupenrollment.eligibility.decision;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the policy decides by: where the therapists are licensed, and the catalog. */
public record EligibilityRules(String version, Set<String> licensedStates, Map<String, TherapyGroup> groups) {

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
}
