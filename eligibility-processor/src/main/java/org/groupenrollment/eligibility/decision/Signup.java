package org.groupenrollment.eligibility.decision;

import java.util.UUID;

/**
 * What the policy needs of a signup. {@code personKey} identifies the applicant without
 * their email in clear (see {@link PersonKey}).
 */
public record Signup(UUID signupId, String state, String groupId, String personKey) {
}
