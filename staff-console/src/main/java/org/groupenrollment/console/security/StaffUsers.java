package org.groupenrollment.console.security;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who can sign in. Local users: a name, a bcrypt hash of the password (never the
 * password) and roles; {@code ./run-pipeline} makes one admin with a random password.
 * With an identity provider configured (spring.security.oauth2.client.registration.*),
 * people sign in there, and {@code rolesClaim} names the ID token's claim that lists
 * their roles.
 */
@Validated
@ConfigurationProperties("enrollment.console")
record StaffUsers(@DefaultValue List<@Valid User> users, @DefaultValue("roles") @NotBlank String rolesClaim) {

    record User(@NotBlank String username,
            @Pattern(regexp = "\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}",
                    message = "must be a bcrypt hash ($2a$, $2b$ or $2y$), never a password") String passwordHash,
            @NotEmpty Set<Role> roles) {
    }

    /**
     * STAFF see and act on groups; ADMIN also change capacities and handle dead letters
     * and read the audit trail.
     */
    enum Role {

        STAFF, ADMIN

    }

}
