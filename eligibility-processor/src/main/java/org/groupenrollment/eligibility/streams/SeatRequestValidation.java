package org.groupenrollment.eligibility.streams;

import org.groupenrollment.eligibility.decision.EligibilityRules;
import org.groupenrollment.eligibility.decision.SeatLifecycle;
import org.groupenrollment.eligibility.decision.TherapyGroup;
import org.groupenrollment.events.Requester;
import org.groupenrollment.events.SeatAction;
import org.groupenrollment.events.SeatRequest;

/**
 * The processor does not trust its request topic either: a request that could never be
 * applied goes to the dead-letter topic, naming what is wrong and never a value.
 */
final class SeatRequestValidation {

    private SeatRequestValidation() {
    }

    /** The group the request is for, once it is known to make sense. */
    static TherapyGroup check(SeatRequest request, String key, EligibilityRules rules) throws InvalidRequestException {
        if (request == null) {
            throw new InvalidRequestException("A request record has no value");
        }
        if (!request.getGroupId().equals(key)) {
            // Keyed otherwise, it may sit in a partition whose task does not own the
            // group.
            throw new InvalidRequestException("The request is not keyed by the group it names");
        }
        TherapyGroup group = rules.group(request.getGroupId())
            .orElseThrow(() -> new InvalidRequestException("The request names a group the catalog does not hold"));
        if (request.getRequestedBy() == Requester.UNKNOWN) {
            throw new InvalidRequestException("The request names no requester this version knows");
        }
        SeatAction action = request.getAction();
        if (action == SeatAction.UNKNOWN) {
            throw new InvalidRequestException("The request's action is not one this version applies");
        }
        if (action == SeatAction.CHANGE_CAPACITY) {
            boolean knownCohort = request.getCohortId() != null && group.cohort(request.getCohortId()).isPresent();
            if (!knownCohort || request.getCapacity() == null || request.getCapacity() < 0
                    || request.getStaffId() == null || request.getRequestedBy() != Requester.STAFF) {
                throw new InvalidRequestException(
                        "A capacity change needs a cohort of the group, a capacity of 0 or more, and a staff member");
            }
        }
        else if (request.getSignupId() == null) {
            throw new InvalidRequestException("The request names no signup");
        }
        return group;
    }

    static SeatLifecycle.Requester requester(SeatRequest request) {
        return (request.getRequestedBy() == Requester.STAFF) ? SeatLifecycle.Requester.STAFF
                : SeatLifecycle.Requester.PERSON;
    }

    static final class InvalidRequestException extends Exception {

        InvalidRequestException(String message) {
            super(message);
        }

    }

}
