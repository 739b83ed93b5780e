package org.groupenrollment.signup.status;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * The latest decisions, in memory and bounded: each instance rebuilds it from the outcome
 * topics when it starts, so it answers for signups decided within the topics' retention,
 * up to the newest {@value #CAPACITY}.
 */
@Component
public class OutcomeView {

    static final int CAPACITY = 200_000;

    private final Map<UUID, Decided> statuses = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Decided> eldest) {
            return size() > CAPACITY;
        }
    };

    /**
     * A decision, and the group whose partition holds its signup (null when its event
     * predates saying so).
     */
    public synchronized void on(SignupStatus decided, String groupId) {
        statuses.put(decided.signupId(), new Decided(decided, groupId));
    }

    public synchronized Optional<SignupStatus> find(UUID signupId) {
        return Optional.ofNullable(statuses.get(signupId)).map(Decided::status);
    }

    /**
     * The group a decided signup asked for, where requests about it go; never shown to
     * anyone.
     */
    public synchronized Optional<String> groupOf(UUID signupId) {
        return Optional.ofNullable(statuses.get(signupId)).map(Decided::groupId);
    }

    private record Decided(SignupStatus status, String groupId) {
    }

}
