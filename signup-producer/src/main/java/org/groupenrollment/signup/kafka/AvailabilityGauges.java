package org.groupenrollment.signup.kafka;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.groupenrollment.signup.place.Availability;
import org.groupenrollment.signup.place.AvailabilityView;
import org.springframework.stereotype.Component;

/**
 * Each group's seats as gauges, read from the availability view this service keeps
 * anyway: free seats and capacity per cohort, the waitlist's length per group. Every
 * instance reads every group, so dashboards take one instance's value (max), not the sum.
 * Tags are the catalog's groups and cohorts, a bounded set.
 */
@Component
class AvailabilityGauges {

    static final String FREE = "enrollment.seats.free";

    static final String CAPACITY = "enrollment.seats.capacity";

    static final String WAITLIST = "enrollment.waitlist.length";

    private final MeterRegistry registry;

    private final AvailabilityView view;

    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    AvailabilityGauges(MeterRegistry registry, AvailabilityView view) {
        this.registry = registry;
        this.view = view;
    }

    /** Makes sure the group's gauges exist; they read the view whenever scraped. */
    void on(Availability availability) {
        String group = availability.groupId();
        if (registered.add(group)) {
            Gauge.builder(WAITLIST, view, seats -> seats.of(group).map(Availability::waitlistLength).orElse(0))
                .tag("group", group)
                .register(registry);
        }
        for (Availability.Cohort cohort : availability.cohorts()) {
            String cohortId = cohort.cohortId();
            if (registered.add(group + "/" + cohortId)) {
                Gauge.builder(FREE, view, seats -> figure(seats, group, cohortId, Availability.Cohort::free))
                    .tags("group", group, "cohort", cohortId)
                    .register(registry);
                Gauge.builder(CAPACITY, view, seats -> figure(seats, group, cohortId, Availability.Cohort::capacity))
                    .tags("group", group, "cohort", cohortId)
                    .register(registry);
            }
        }
    }

    private static double figure(AvailabilityView view, String group, String cohortId,
            java.util.function.ToIntFunction<Availability.Cohort> figure) {
        return view.of(group)
            .flatMap(seats -> seats.cohorts().stream().filter(cohort -> cohort.cohortId().equals(cohortId)).findFirst())
            .map(figure::applyAsInt)
            .orElse(0);
    }

}
