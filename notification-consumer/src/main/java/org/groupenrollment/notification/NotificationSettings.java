package org.groupenrollment.notification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Who the emails come from, and what the redirect email offers. */
@Validated
@ConfigurationProperties("enrollment.notifications")
public record NotificationSettings(@NotBlank String from, @NotBlank String messageIdDomain,
        @NotNull @Valid DbtSkillsGroup dbtSkillsGroup) {

    public record DbtSkillsGroup(@NotBlank String name, @NotBlank String joinUrl, @NotBlank String schedule) {
    }
}
