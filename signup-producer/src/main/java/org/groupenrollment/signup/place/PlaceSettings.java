package org.groupenrollment.signup.place;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code enrollment.places.answer-within}: how long a request from a place's page waits
 * for the processor to apply it before the page says it is on its way.
 */
@Validated
@ConfigurationProperties("enrollment.places")
public record PlaceSettings(@NotNull Duration answerWithin) {
}
