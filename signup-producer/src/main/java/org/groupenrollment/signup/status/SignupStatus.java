package org.groupenrollment.signup.status;

import java.time.Instant;
import java.util.UUID;

/**
 * What the status URL tells whoever holds a signup id: the kind of outcome and when,
 * nothing about the person or the group (the id is the only credential, so it must reveal
 * no condition).
 */
public record SignupStatus(UUID signupId, State status, Instant decidedAt) {

    public enum State {

        SEAT_RESERVED, WAITLISTED, REDIRECTED_TO_DBT

    }
}
