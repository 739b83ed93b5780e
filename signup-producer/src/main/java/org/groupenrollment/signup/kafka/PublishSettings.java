package org.groupenrollment.signup.kafka;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** How long a request may wait for the broker's acknowledgement before it answers 503. */
@Validated
@ConfigurationProperties("enrollment.publish")
record PublishSettings(@NotNull Duration acknowledgementTimeout) {
}
