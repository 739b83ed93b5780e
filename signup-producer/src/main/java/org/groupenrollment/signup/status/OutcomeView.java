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

    private final Map<UUID, SignupStatus> statuses = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, SignupStatus> eldest) {
            return size() > CAPACITY;
        }
    };

    public synchronized void on(SignupStatus decided) {
        statuses.put(decided.signupId(), decided);
    }

    public synchronized Optional<SignupStatus> find(UUID signupId) {
        return Optional.ofNullable(statuses.get(signupId));
    }

}
