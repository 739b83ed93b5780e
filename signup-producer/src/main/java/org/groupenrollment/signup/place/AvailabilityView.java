package org.groupenrollment.signup.place;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Each group's latest availability, rebuilt by every instance from the compacted
 * availability topic: what the form shows next to each group. A group the processor has
 * published nothing about has had no signup yet.
 */
@Component
public class AvailabilityView {

    private final Map<String, Availability> groups = new ConcurrentHashMap<>();

    public void on(Availability availability) {
        groups.put(availability.groupId(), availability);
    }

    public Optional<Availability> of(String groupId) {
        return Optional.ofNullable(groups.get(groupId));
    }

}
