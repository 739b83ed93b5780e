package org.groupenrollment.signup;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.groupenrollment.signup.catalog.Offered;

/** A signup as the form or the JSON API sends it. */
public record SignupRequest(@NotBlank @Size(max = 100) String firstName, @NotBlank @Size(max = 100) String lastName,
        @NotBlank @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+",
                message = "must be an email address") @Size(max = 254) String email,
        @Pattern(regexp = "[+0-9 ()\\-]{7,25}", message = "must be a phone number") String phone,
        @NotBlank @Offered(Offered.Choice.STATE) String state, @NotBlank @Offered(Offered.Choice.GROUP) String group) {

    /** Blank optional fields from the form mean absent. */
    public SignupRequest {
        phone = phone == null || phone.isBlank() ? null : phone.trim();
        email = email == null ? null : email.trim();
    }
}
