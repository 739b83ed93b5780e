package org.groupenrollment.eligibility.streams;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.groupenrollment.eligibility.decision.EligibilityRules;
import org.groupenrollment.events.Applicant;
import org.groupenrollment.events.SignupSubmitted;
import org.groupenrollment.events.contact.ContactRules;

/**
 * The processor does not trust its input topic: anything could have written to it. A
 * signup that breaks these rules can never be decided and goes to the dead-letter topic.
 */
final class SignupValidation {

    private static final String NOT_AN_ADDRESS = "applicant.email is not an address an email can be sent to";

    private SignupValidation() {
    }

    /**
     * {@code sealed}: whether a personal field is encrypted, and so left to be checked
     * where it is opened (the notifier checks the name and the address before any email).
     */
    static void check(SignupSubmitted signup, Predicate<String> sealed, EligibilityRules rules) {
        List<String> problems = new ArrayList<>();
        Applicant applicant = signup.getApplicant();
        if (!sealed.test(applicant.getEmail()) && !ContactRules.isSendableEmail(applicant.getEmail())) {
            problems.add(NOT_AN_ADDRESS);
        }
        if (!isName(applicant.getFirstName(), sealed)) {
            problems.add("applicant.firstName is not a name");
        }
        if (!isName(applicant.getLastName(), sealed)) {
            problems.add("applicant.lastName is not a name");
        }
        if (!signup.getPersonKeys().stream().allMatch(key -> key.matches("[0-9a-f]{64}"))) {
            problems.add("personKeys are not keyed hashes");
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

    /** An address that came encrypted, checked once it is opened. */
    static void checkOpened(SignupSubmitted signup, String email) {
        if (!ContactRules.isSendableEmail(email)) {
            throw new InvalidSignupException("Signup " + signup.getSignupId() + " is invalid: " + NOT_AN_ADDRESS);
        }
    }

    private static boolean isName(String value, Predicate<String> sealed) {
        return sealed.test(value) || ContactRules.isPersonName(value);
    }

    static final class InvalidSignupException extends RuntimeException {

        InvalidSignupException(String message) {
            super(message);
        }

    }

}
