package org.groupenrollment.eligibility.decision;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The policy tests' group: anxiety, with a Tuesday cohort of two seats and a Saturday
 * cohort of one, under rules with or without a 72-hour hold.
 */
final class AnxietyGroup {

    static final Cohort TUESDAY = cohort("anxiety-tue", 2);

    static final Cohort SATURDAY = cohort("anxiety-sat", 1);

    static final TherapyGroup ANXIETY = new TherapyGroup("anxiety", "Anxiety", List.of(TUESDAY, SATURDAY));

    static final Duration HOLD = Duration.ofHours(72);

    static final Instant MONDAY_NOON = Instant.parse("2026-12-07T17:00:00Z");

    private AnxietyGroup() {
    }

    /** The rules with a hold of {@code confirmationWindow}, or none when it is null. */
    static EligibilityRules rules(Duration confirmationWindow) {
        return new EligibilityRules("test-rules", Set.of("FL", "NY", "NJ"), Map.of("anxiety", ANXIETY),
                confirmationWindow);
    }

    static Signup signupFrom(String state) {
        return new Signup(UUID.randomUUID(), state, "anxiety", "person-" + UUID.randomUUID());
    }

    private static Cohort cohort(String id, int capacity) {
        return new Cohort(id, DayOfWeek.TUESDAY, LocalTime.of(18, 30), Duration.ofMinutes(90),
                ZoneId.of("America/New_York"), capacity, null);
    }

}
