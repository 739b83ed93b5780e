package org.groupenrollment.signup;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.groupenrollment.signup.catalog.Offered;

/**
 * A signup as the form or the JSON API sends it, with the padding people type trimmed
 * off.
 */
public record SignupRequest(@NotBlank @ContactDetail(ContactDetail.Kind.PERSON_NAME) String firstName,
        @NotBlank @ContactDetail(ContactDetail.Kind.PERSON_NAME) String lastName,
        @NotBlank @ContactDetail(ContactDetail.Kind.EMAIL) String email,
        @Pattern(regexp = "[+0-9 ()\\-]{7,25}", message = "must be a phone number") String phone,
        @NotBlank @Offered(Offered.Choice.STATE) String state, @NotBlank @Offered(Offered.Choice.GROUP) String group) {

    /**
     * Spaces around what was typed go; control characters stay, for validation to refuse.
     */
    public SignupRequest {
        firstName = trimmed(firstName);
        lastName = trimmed(lastName);
        email = trimmed(email);
        phone = phone == null || phone.isBlank() ? null : phone.trim();
    }

    private static String trimmed(String value) {
        return value == null ? null : value.strip();
    }
}
