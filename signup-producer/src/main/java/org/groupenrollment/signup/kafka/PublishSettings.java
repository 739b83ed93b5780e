package org.groupenrollment.signup.kafka;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where signups go, and how long a request may wait for the broker before it answers 503.
 */
@Validated
@ConfigurationProperties("enrollment.topics")
record PublishSettings(@NotBlank String signupsSubmitted, @Min(1) int partitions, @Min(1) short replicationFactor,
        @NotNull Duration acknowledgementTimeout) {
}
