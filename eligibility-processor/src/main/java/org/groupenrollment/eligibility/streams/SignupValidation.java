package org.groupenrollment.eligibility.streams;

import java.util.ArrayList;
import java.util.List;

import org.groupenrollment.eligibility.decision.EligibilityRules;
import org.groupenrollment.events.SignupSubmitted;

/**
 * The processor does not trust its input topic: anything could have written to it. A
 * signup that breaks these rules can never be decided and goes to the dead-letter topic.
 */
final class SignupValidation {

    private SignupValidation() {
    }

    static void check(SignupSubmitted signup, EligibilityRules rules) {
        List<String> problems = new ArrayList<>();
        if (signup.getApplicant().getEmail().isBlank() || !signup.getApplicant().getEmail().contains("@")) {
            problems.add("applicant.email is not an address");
        }
        if (signup.getApplicant().getFirstName().isBlank()) {
            problems.add("applicant.firstName is blank");
        }
        if (!signup.getStateOfResidence().matches("[A-Z]{2}")) {
            problems.add("stateOfResidence is not a two-letter postal code");
        }
        if (rules.group(signup.getRequestedGroup()).isEmpty()) {
            problems.add("requestedGroup is not in the catalog");
        }
        if (!problems.isEmpty()) {
            throw new InvalidSignupException(
                    "Signup " + signup.getSignupId() + " is invalid: " + String.join("; ", problems));
        }
    }

    static final class InvalidSignupException extends RuntimeException {

        InvalidSignupException(String message) {
            super(message);
        }

    }

}
