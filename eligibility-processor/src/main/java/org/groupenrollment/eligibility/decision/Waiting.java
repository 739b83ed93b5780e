package org.groupenrollment.eligibility.decision;

import java.util.UUID;

/**
 * A place in a group's line: tickets are given in arrival order, so the line is the
 * waiting places sorted by ticket, and the first is promoted first.
 */
public record Waiting(UUID signupId, long ticket) {
}
