package org.groupenrollment.console.audit;

import java.time.Instant;
import java.util.List;

/**
 * One erasure, as the processor recorded it once done: who asked (the person, from their
 * email's link, or a member of staff by id), when, and when it was done. Names no one and
 * no group.
 *
 * @param requestedBy the staff id, or null when the person asked
 * @param keysDestroyed false when the deployment runs without encryption: records on the
 * topics stay readable until their retention ends
 */
public record Erasure(String signupId, List<String> erasedSignupIds, boolean keysDestroyed, String requestedBy,
        Instant requestedAt, Instant erasedAt) {

    public String askedBy() {
        return requestedBy == null ? "the person" : requestedBy;
    }

}
