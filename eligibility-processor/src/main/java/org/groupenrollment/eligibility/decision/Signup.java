package org.groupenrollment.eligibility.decision;

import java.util.UUID;

/**
 * What the policy needs of a signup. {@code personKey} identifies the applicant without
 * their email in clear: a keyed hash of the normalised address, made at the edge.
 */
public record Signup(UUID signupId, String state, String groupId, String personKey) {
}
