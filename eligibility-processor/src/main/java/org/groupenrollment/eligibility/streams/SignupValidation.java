package org.groupenrollment.eligibility.streams;

import java.util.ArrayList;
import java.util.List;

import org.groupenrollment.eligibility.decision.EligibilityRules;
import org.groupenrollment.events.SignupSubmitted;
import org.groupenrollment.events.contact.ContactRules;

/**
 * The processor does not trust its input topic: anything could have written to it. A
 * signup that breaks these rules can never be decided and goes to the dead-letter topic.
 */
final class SignupValidation {

    private SignupValidation() {
    }

    static void check(SignupSubmitted signup, EligibilityRules rules) {
        List<String> problems = new ArrayList<>();
        if (!ContactRules.isSendableEmail(signup.getApplicant().getEmail())) {
            problems.add("applicant.email is not an address an email can be sent to");
        }
        if (!ContactRules.isPersonName(signup.getApplicant().getFirstName())) {
            problems.add("applicant.firstName is not a name");
        }
        if (!ContactRules.isPersonName(signup.getApplicant().getLastName())) {
            problems.add("applicant.lastName is not a name");
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
