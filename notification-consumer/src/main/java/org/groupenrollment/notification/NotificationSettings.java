package org.groupenrollment.notification;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who the emails come from, what the redirect email offers, and where the link in every
 * email about a place leads.
 */
@Validated
@ConfigurationProperties("enrollment.notifications")
public record NotificationSettings(@NotBlank String from, @NotBlank String messageIdDomain,
        @NotNull @Valid DbtSkillsGroup dbtSkillsGroup, @NotNull @Valid PlaceLinks placeLinks) {

    public record DbtSkillsGroup(@NotBlank String name, @NotBlank String joinUrl, @NotBlank String schedule) {
    }

    /**
     * {@code baseUrl}: the signup service's public address, which serves the "your place"
     * page; {@code validFor}: how long a link works after its email.
     */
    public record PlaceLinks(
            @NotNull @Pattern(regexp = "https?://[^\\s?#]+[^/\\s?#]",
                    message = "must be an http(s) address without a trailing slash, query or fragment") String baseUrl,
            @NotNull @DurationMin(days = 1) Duration validFor) {
    }
}
