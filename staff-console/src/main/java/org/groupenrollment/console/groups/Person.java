package org.groupenrollment.console.groups;

/** Who signed up, as the form took it: shown to staff, never logged. */
public record Person(String signupId, String firstName, String lastName, String email, String phone,
        String stateOfResidence) {

    String fullName() {
        return firstName + " " + lastName;
    }

}
